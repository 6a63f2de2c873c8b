; Inno Setup 6 script: the per-user Windows installer for 和谐台账.
; Build dist\hexie-desk first (python installer\build.py --zip), then:  iscc installer\hexie.iss
;
; - Installs for the current user only (no administrator rights): %LOCALAPPDATA%\Programs\HexieDesk.
; - Start-menu shortcut; desktop shortcut as an option (ticked).
; - Upgrading in place keeps the data: it lives in %LOCALAPPDATA%\HexieDesk, never in the program folder.
; - Uninstalling keeps the data unless the user says to remove it.

#define AppVersion GetEnv("HEXIE_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F3C2A9E-4B1D-4C7A-9E2F-8D5B1A0C3E71}
AppName=和谐台账
AppVerName=和谐台账 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=和谐台账
DefaultDirName={autopf}\HexieDesk
DefaultGroupName=和谐台账
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=hexie-desk-{#AppVersion}-setup
SetupIconFile=..\build\icons\hexie.ico
UninstallDisplayIcon={app}\hexie.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\hexie-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program files; old libraries must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\和谐台账"; Filename: "{app}\hexie.exe"
Name: "{group}\和谐台账自检"; Filename: "{app}\hexie-cli.exe"; Parameters: "self-test"
Name: "{group}\{cm:UninstallProgram,和谐台账}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\和谐台账"; Filename: "{app}\hexie.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hexie.exe"; Description: "{cm:LaunchProgram,和谐台账}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder (platformdirs user_data_dir("HexieDesk", appauthor=False)).
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\HexieDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) then
  begin
    if MsgBox('是否同时删除和谐台账的全部数据（数据库、附件、备份）？' + #13#10 + #13#10 +
              '数据位于：' + DataDir() + #13#10 +
              '选“否”将保留数据，重新安装后可继续使用。', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir(), True, True, True);
  end;
end;
