; Inno Setup script for the Windows installer; .github/workflows/installers.yml builds it on Windows.
; Build the bundle on Windows first (uv run python packaging/build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\treadwell.iss
; The version must match pyproject.toml; build.py prints it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z treadwell.iss
#endif

[Setup]
AppId={{6C1B7A52-4E0D-4C59-9B0B-7D1E2A3F9C11}
AppName=Treadwell
AppVersion={#AppVersion}
AppPublisher=Treadwell
DefaultDirName={autopf}\Treadwell
DefaultGroupName=Treadwell
DisableProgramGroupPage=yes
OutputDir=..\..\build\installer
OutputBaseFilename=Treadwell-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
; The app keeps patient records in the user's data folder; uninstalling never deletes them.

[Files]
Source: "..\..\build\dist\Treadwell\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Treadwell"; Filename: "{app}\treadwell.exe"
Name: "{autodesktop}\Treadwell"; Filename: "{app}\treadwell.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\treadwell.exe"; Description: "Start Treadwell"; Flags: nowait postinstall skipifsilent
