"""Patient records as the product knows them: the models and the interface every database engine fills."""
