"""The patient's safety words, in plain English: what each plan warning asks, why the pulse cannot guide, the pulse
counts, the effort scale's anchors, the stop signs. Every sentence is a message of the handout catalogs
(core/handout/language.py): English here, translated where core/handout/build.py uses it."""

from __future__ import annotations

from core.handout.language import N_
from core.plan.warnings import WarningCode

# ``{name}`` fields are filled in after translation.

# What each plan warning asks of the patient, in plain words (every patient-facing WarningCode has one), in the
# safety points. Not HR_UNRELIABLE: the effort section says it with its reason (PULSE_REASON, PULSE_RANGE_NARROW and
# "So do not use your pulse..."; seen in review: "Your pulse is not a good guide for you" said again two pages on).
TOLD_IN_THE_EFFORT_SECTION = frozenset({WarningCode.HR_UNRELIABLE})
PATIENT_SAFETY: dict[WarningCode, str] = {
    # first aid for autonomic dysreflexia: sit up, remove what irritates below the injury (tight clothing, a full
    # bladder or a kinked catheter), and emergency care if it does not settle (Krassioukov 2009)
    WarningCode.AUTONOMIC_DYSREFLEXIA: N_("Empty your bladder before you walk. If you get a pounding headache, or "
                                          "flushing or sweating above your injury, stop at once and sit up. Loosen "
                                          "anything tight, and check your bladder or catheter. If it does not settle "
                                          "in a few minutes, call an ambulance."),
    # Not "Hold the handrails." nor "Clip the safety cord to your clothes.": the picture's captions say them once.
    WarningCode.HARNESS: N_("Use the harness if your therapist asks you to. Have someone with you."),
    WarningCode.FALL_RISK: N_("{why} Start the belt slowly. Have someone near."),  # {why}: FALL_RISK_WHY
    WarningCode.FREEZING: N_("If your feet feel stuck, hold the handrails and press the stop key."),
    WarningCode.FOOT_CARE: N_("Check both feet every day for cuts, blisters or red spots. Wear shoes and socks that "
                              "fit well. If you find a sore, stop the treadmill walks and call the clinic."),
    WarningCode.HYPOGLYCEMIA: N_("Check your blood sugar before you walk. If it is below {low}, eat a snack with sugar "
                                "first. If it is above {high}, check for ketones. If you have ketones, do not walk "
                                "that day, and call your diabetes team. Carry juice or glucose tablets."),
    # Uhthoff's phenomenon: heat brings back or worsens known MS symptoms for a while, and they ease with cooling
    # (Davis 2010); told apart from the stop signs' "new numbness or weakness", which still means stop at once.
    WarningCode.HEAT_SENSITIVITY: N_("Heat can make your usual symptoms worse for a while, such as blurred sight, "
                                     "numbness or weakness. Keep the room cool. Use a fan. Drink cool water. If your "
                                     "usual symptoms get worse, stop and cool off. They should get better as you cool "
                                     "down. A symptom that is new for you is a sign to stop at once."),
    WarningCode.COLD_AIR_TRIGGER: N_("Walk indoors. Keep fans and cold air away from your face."),
}
# On and off the machine, for every patient (guidelines.TREADMILL_SAFETY_SOURCE), after the picture's caption "Clip
# the safety cord to your clothes.": why the cord, straddling the belt to start it, not stepping off it moving,
# and the head up.
TREADMILL_SAFETY = (
    N_("The safety cord stops the belt if you slip or fall."),
    N_("Before you start the belt, stand on the edges beside it, one foot on each side. Step on when the belt "
       "moves slowly."),
    N_("Do not step off while the belt moves. Wait until it stops."),
    N_("Look ahead, not down at your feet."),
)
# The fall-risk line where the harness line has just said "Have someone with you." ("Have someone near." repeated it)
FALL_RISK_BESIDE_HARNESS = N_("{why} Start the belt slowly.")
# Why a fall is more likely, before what the fall-risk line asks (seen in review: "Start the belt slowly. Have someone
# near." with no reason, for a patient whose numb feet are the reason): core/plan/warnings.py FALL_RISK's reasons, the
# clinical brief's safety points for each etiology, in plain words. Every etiology FALL_RISK names has one; it is the
# fall-risk line's {why}, so each language puts it where its sentences go.
WEAK_LEGS_AND_BALANCE = N_("Weak legs and poor balance make a fall more likely.")
FALL_RISK_WHY: dict[str, str] = {
    "diabetic-neuropathy": N_("Your feet may not feel the belt well, so a fall is more likely."),
    "chemotherapy-neuropathy": N_("Your legs may be weak, and your feet may not feel the belt well. This makes a fall "
                                  "more likely."),
    "post-stroke-pain": WEAK_LEGS_AND_BALANCE,
    "parkinsons-pain": N_("Poor balance, and feet that can get stuck, make a fall more likely."),
    "spinal-cord-injury": WEAK_LEGS_AND_BALANCE,
    "multiple-sclerosis-pain": WEAK_LEGS_AND_BALANCE,
}
# Why the pulse cannot guide this patient, in plain words (keys of guidelines.HR_UNRELIABLE).
PULSE_REASON: dict[str, str] = {
    "beta_blocker": N_("Your heart medicine (a beta-blocker) keeps your pulse low."),
    "atrial_fibrillation": N_("Your heartbeat is uneven, so your pulse is hard to count."),
    "pacemaker_or_icd": N_("Your pacemaker or ICD sets your pulse."),
    "heart_transplant": N_("After a heart transplant, your pulse goes up late and only a little when you exercise."),
    "autonomic_neuropathy": N_("Nerve damage changes how your pulse goes up when you exercise."),
    "sci_t6_or_above": N_("Your spinal cord injury changes how your pulse goes up when you exercise."),
}
# Why, where none of those applies: the heart-rate reserve gives a range too narrow to count (intensity.py; seen in
# review: "So do not use your pulse..." with nothing before it)
PULSE_RANGE_NARROW = N_("Your pulse goes up only a little when you exercise: too little to count a target by hand.")
# The pulse to count in each band the plan has, so no sum is needed on the belt (light weeks come first).
PULSE_COUNT: dict[str, str] = {
    "light": N_("In a light week, that is {low} to {high} beats in {seconds} seconds."),
    "moderate": N_("In a moderate week, that is {low} to {high} beats in {seconds} seconds."),
}
# The Borg 6-20 scale's anchors in plain words (Borg 1982's scale with Borg 1998's anchors: guidelines.RPE_SOURCE).
RPE_WORDS: dict[int, str] = {
    6: N_("no effort at all"), 7: N_("extremely light"), 9: N_("very light"), 11: N_("light"), 13: N_("somewhat hard"),
    15: N_("hard"), 17: N_("very hard"), 19: N_("extremely hard"), 20: N_("as hard as you can"),
}
# For a patient on insulin or a secretagogue, some stop signs may be low blood sugar, which rest does not mend: the
# "15-15 rule" below {low}, guidelines.HYPOGLYCEMIA_MG_DL (guidelines.HYPOGLYCEMIA_TREATMENT_SOURCE), in plain words;
# with no way to check, treated as low (HYPOGLYCEMIA_UNCHECKED_SOURCE); low blood sugar that does not respond (still
# low at the check after a second dose, or still unwell after 15 minutes with no way to check), medical help at once
# (HYPOGLYCEMIA_NOT_BETTER_SOURCE); and where the sugar is not low the stop signs' own rule (seen in
# review: "dizzy ... call an ambulance if it does not pass in a few minutes" and "dizzy ... check again after 15
# minutes" side by side, with nothing to say which to follow).
# The amount (seen in review: "something sugary" where the clinician's warning says 15-20 g): 15 g, the 15-15 rule's
# lower amount, in things a patient has at hand (US Veterans Affairs nutrition, "Hypoglycemia 15-15 Rule", 2018:
# 4 glucose tablets, 4 ounces, 1/2 cup, of fruit juice), the cup's measure in the handout's units (seen in review:
# "half a cup (120 ml)" on a handout in mph).
# Steps, numbered, under the signs (seen in review: one bold paragraph of six sentences, read as a wall of text by a
# patient with low vision, in pain, after a fall in blood sugar).
LOW_SUGAR = N_("If you feel shaky, sweaty, dizzy or confused, your blood sugar may be low.")
LOW_SUGAR_STEPS = (
    N_("Stop walking, sit down and check your blood sugar."),
    N_("If it is below {low}, or you cannot check it, eat or drink 15 grams of quick sugar, such as 4 glucose tablets "
       "or half a cup ({juice}) of fruit juice."),
    N_("Check again after 15 minutes, and take more sugar if it is still low."),
    N_("If it is still low at the next check, or you cannot check it and still feel unwell after 15 minutes, take more "
       "sugar and get medical help at once."),
    # the stop signs' own rule once the sugar is back up (seen in review: an uneven or racing beat, or breathlessness,
    # sent here from the stop page, had no way out of these steps but "medical help" while the sugar stayed low)
    N_("If your blood sugar is back to {low} or more but the signs that made you stop have not passed after a few "
       "minutes' rest, call an ambulance."),
)
HALF_A_CUP = {"metric": N_("120\u00a0ml"), "imperial": N_("4\u00a0ounces")}
LOW_SUGAR_NOT_LOW = N_("If your blood sugar is not low, rest, and call an ambulance if you do not feel better in a few "
                       "minutes.")
# After low blood sugar, a walk again only at the walk-start level, {start} (the plan's glucose_low_mg_dl, as the
# pre-walk check has it), and feeling well (guidelines.HYPOGLYCEMIA_WALK_AGAIN_SOURCE); after one someone else had to
# help treat, no walk for 24 hours (guidelines.SEVERE_HYPOGLYCEMIA_SOURCE). The steps above did not say whether to go
# on walking.
LOW_SUGAR_WALK_AGAIN = N_("After low blood sugar, walk again only when your blood sugar is {start} or more and you "
                          "feel well. If someone had to help you treat it, do not walk for 24 hours, and tell your "
                          "diabetes team.")
UNEVEN_HEARTBEAT = N_("A heartbeat that feels uneven or races")
# With atrial fibrillation the beat is always uneven (the pulse section says so): the sign is a change from usual.
CHANGED_HEARTBEAT = N_("A heartbeat that suddenly feels faster than usual, or different from your usual beat")
# The stop signs: the ACSM warning signs in plain words, with a stroke's signs (AMBULANCE_SIGNS, STOP_SIGNS below).
CHEST_PAIN = N_("Pain, pressure or tightness in your chest, neck, jaw or arm")
# With trigeminal neuropathy the jaw may hurt every day: only the jaw's pain is told apart from it, by its likeness to
# the usual face pain (a product default); the chest, neck and arm are never where that pain is.
CHEST_PAIN_NOT_FACE = N_("Pain, pressure or tightness in your chest, neck or arm, or pain in your jaw that is not like "
                         "your usual face pain")
NEW_NUMBNESS = N_("New numbness or weakness")
# At T6 and above, autonomic dysreflexia's signs on the stop page too, after the other signs' "sit down and rest" (or
# the low blood sugar steps), its first aid in the safety points named (Krassioukov 2009: sit up, remove what irritates
# below the injury; seen in review: on the safety page alone)
DYSREFLEXIA_SIGNS = N_('If you get a pounding headache, or flushing or sweating above your injury, stop at once, sit '
                       'up, and do as "{heading}" says.')
# stroke signs (guidelines.EMERGENCY_SOURCES), sudden: after a stroke, speech or the face may never have recovered
STROKE_SPEECH_OR_FACE = N_("Sudden trouble speaking, or one side of your face suddenly drooping")
# new for you: heat brings back a person with MS's known blurred sight for a while, suddenly too (PATIENT_SAFETY,
# HEAT_SENSITIVITY); a stroke may have left a lasting loss of sight
NEW_SIGHT_TROUBLE = N_("Sudden trouble seeing that is new for you")
# Two lists, as the stop page gives them (seen in review: one long ambulance sentence named only "chest pain", so
# pressure or tightness, or pain in the neck, jaw or arm, read as "rest, and call if it does not pass in a few
# minutes"). An ambulance at once for a heart attack's or a stroke's signs and for fainting (guidelines.
# EMERGENCY_SOURCES); for the other ACSM warning signs, stop, rest, and an ambulance if they do not pass.
AMBULANCE_SIGNS = (CHEST_PAIN, N_("Fainting"), NEW_NUMBNESS, STROKE_SPEECH_OR_FACE, NEW_SIGHT_TROUBLE)
STOP_SIGNS = (
    N_("Feeling dizzy or light-headed"),
    N_("Feeling you are about to faint"),
    N_("So out of breath that you cannot talk"),
    UNEVEN_HEARTBEAT,
    N_("A cold sweat"),
    N_("Feeling sick to your stomach"),
    N_("Tiredness that is not normal for you"),
)
