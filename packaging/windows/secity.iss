; Inno Setup script for SECity Desktop on Windows: a per-user install, no administrator rights.
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\SECityDesktop-0.1.0 packaging\windows\secity.iss
;
; (.github/workflows/release.yml passes both; see docs/release.md.) It installs the frozen folder
; into %LOCALAPPDATA%\Programs\SECity Desktop ({userpf}), adds Start-menu entries for the app and
; for a console with the `secity` command on PATH, opens .secbundle files with the app (per-user
; association under HKCU), and uninstalls only what it installed: the workspace in
; {localappdata}\DCCE\SECityDesktop (the app's platformdirs data dir: assessments, evidence, keys)
; is never touched, nor the settings in {localappdata}\DCCE\SECityDesktop\settings.ini.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\SECityDesktop-" + AppVersion
#endif
#define AppName "SECity Desktop"
#define AppExe "SECityDesktop.exe"
#define CliExe "secity.exe"
#define ProgId "SECityDesktop.Bundle"

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{6D2E6A86-2F3B-4C1E-9B8E-5EC1A7D0B0A1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Department of Climate Change and Environment (DCCE)
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: provincial laptops rarely give their users administrator rights.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\..\resources\icons\secity.ico
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=SECityDesktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Thai wizard text; the app itself is Thai.

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\THIRD-PARTY-NOTICES"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{userprograms}\{#AppName}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
; A console that can run `secity` (the CLI), opened in the user's documents.
Name: "{userprograms}\{#AppName}\SECity command line"; Filename: "{cmd}"; \
  Parameters: "/k ""set PATH={app};%PATH% && chcp 65001 >nul && secity --help"""; \
  WorkingDir: "{userdocs}"; IconFilename: "{app}\{#CliExe}"
Name: "{userprograms}\{#AppName}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
; .secbundle → the app's import page (SECityDesktop.exe "file.secbundle"); HKCU, so no admin.
Root: HKCU; Subkey: "Software\Classes\.secbundle"; ValueType: string; ValueName: ""; \
  ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; \
  ValueData: "SECity bundle"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; \
  ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; \
  ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the workspace: {localappdata}\DCCE\SECityDesktop holds the user's
; assessments, evidence and signing key, and outlives the program. Only {app} is removed.
