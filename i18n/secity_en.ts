<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AssessmentEditor</name>
    <message>
        <source> (provisional)</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>fiscal year {year} · framework {version}{note} · {status}</source>
        <translation>fiscal year {year} · framework {version}{note} · {status}</translation>
    </message>
    <message>
        <source>This assessment is {status}: it is shown read-only.</source>
        <translation>This assessment is {status}: it is shown read-only.</translation>
    </message>
    <message>
        <source>Clear {code}</source>
        <translation>Clear {code}</translation>
    </message>
    <message>
        <source>Set {code} to level {level}</source>
        <translation>Set {code} to level {level}</translation>
    </message>
    <message>
        <source>Edit note on {code}</source>
        <translation>Edit note on {code}</translation>
    </message>
    <message>
        <source>Add evidence to {code}</source>
        <translation>Add evidence to {code}</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xlsx *.mp4 *.mov);;All files (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xlsx *.mp4 *.mov);;All files (*)</translation>
    </message>
    <message>
        <source>Still copying the previous files; try again when it is done.</source>
        <translation>Still copying the previous files; try again when it is done.</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <source>Remove {name} from indicator {code}? The removal is recorded in the audit log.</source>
        <translation>Remove {name} from indicator {code}? The removal is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Mark complete</translation>
    </message>
    <message>
        <source>All {n} indicators are answered and the evidence is attached. Mark this assessment complete?</source>
        <translation>All {n} indicators are answered and the evidence is attached. Mark this assessment complete?</translation>
    </message>
    <message>
        <source>SECity Desktop</source>
        <translation>SECity Desktop</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>Last edited</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>EvidenceImporter</name>
    <message>
        <source>Copying evidence into the workspace…</source>
        <translation>Copying evidence into the workspace…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Adding evidence</source>
        <translation>Adding evidence</translation>
    </message>
    <message>
        <source>Copying {name}…</source>
        <translation>Copying {name}…</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <source>Taken {when}</source>
        <translation>Taken {when}</translation>
    </message>
    <message>
        <source>GPS {lat}, {lon}</source>
        <translation>GPS {lat}, {lon}</translation>
    </message>
    <message>
        <source>Added by {who}</source>
        <translation>Added by {who}</translation>
    </message>
</context>
<context>
    <name>FindIndicatorDialog</name>
    <message>
        <source>Find indicator</source>
        <translation>Find indicator</translation>
    </message>
    <message>
        <source>Code (e.g. 2.3) or words in Thai or English</source>
        <translation>Code (e.g. 2.3) or words in Thai or English</translation>
    </message>
</context>
<context>
    <name>FrameworkView</name>
    <message>
        <source>Provisional framework: indicator wording and cut-offs are a draft, not the official criteria.</source>
        <translation>Provisional framework: indicator wording and cut-offs are a draft, not the official criteria.</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Level (press a digit to choose)</source>
        <translation>Level (press a digit to choose)</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Clear answer</translation>
    </message>
    <message>
        <source>Remove the chosen level (Ctrl+Backspace)</source>
        <translation>Remove the chosen level (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>What you saw, who you spoke to, what to check again… (saved as you type)</source>
        <translation>What you saw, who you spoke to, what to check again… (saved as you type)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>&amp;Add photo or document…</source>
        <translation>&amp;Add photo or document…</translation>
    </message>
    <message>
        <source>Add files as evidence (Ctrl+E), or drop them on this page</source>
        <translation>Add files as evidence (Ctrl+E), or drop them on this page</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open the selected file with the system viewer</source>
        <translation>Open the selected file with the system viewer</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>Remove the selected file from this indicator (kept in the audit log)</source>
        <translation>Remove the selected file from this indicator (kept in the audit log)</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>or drop files here</translation>
    </message>
    <message>
        <source>Component {code}: {title}</source>
        <translation>Component {code}: {title}</translation>
    </message>
    <message>
        <source>Evidence is required when the level is above {lowest}.</source>
        <translation>Evidence is required when the level is above {lowest}.</translation>
    </message>
    <message>
        <source>Evidence is optional for this indicator.</source>
        <translation>Evidence is optional for this indicator.</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Answered, evidence missing</source>
        <translation>Answered, evidence missing</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Not answered yet</translation>
    </message>
</context>
<context>
    <name>LevelRow</name>
    <message>
        <source>Choose level {value} (press {value})</source>
        <translation>Choose level {value} (press {value})</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SECity Desktop — Sustainable Environment City</source>
        <translation>SECity Desktop — Sustainable Environment City</translation>
    </message>
    <message>
        <source>Filter by municipality, province, code or year…</source>
        <translation>Filter by municipality, province, code or year…</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Filter by name (Thai or English), code or province…</source>
        <translation>Filter by name (Thai or English), code or province…</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>&amp;New assessment…</translation>
    </message>
    <message>
        <source>Start an assessment for a municipality (Ctrl+N)</source>
        <translation>Start an assessment for a municipality (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open the selected assessment (Enter)</source>
        <translation>Open the selected assessment (Enter)</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>&amp;Back to the list</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Find indicator…</source>
        <translation>&amp;Find indicator…</translation>
    </message>
    <message>
        <source>&amp;Next indicator</source>
        <translation>&amp;Next indicator</translation>
    </message>
    <message>
        <source>&amp;Previous indicator</source>
        <translation>&amp;Previous indicator</translation>
    </message>
    <message>
        <source>&amp;Clear answer</source>
        <translation>&amp;Clear answer</translation>
    </message>
    <message>
        <source>&amp;Attach evidence…</source>
        <translation>&amp;Attach evidence…</translation>
    </message>
    <message>
        <source>Go to the &amp;note</source>
        <translation>Go to the &amp;note</translation>
    </message>
    <message>
        <source>Go to the indicator &amp;list</source>
        <translation>Go to the indicator &amp;list</translation>
    </message>
    <message>
        <source>&amp;Mark complete…</source>
        <translation>&amp;Mark complete…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SECity Desktop</source>
        <translation>&amp;About SECity Desktop</translation>
    </message>
    <message>
        <source>Workspace: {path} · role: {role} · province: {province}</source>
        <translation>Workspace: {path} · role: {role} · province: {province}</translation>
    </message>
    <message>
        <source>All changes saved · last saved {when}</source>
        <translation>All changes saved · last saved {when}</translation>
    </message>
    <message>
        <source>About SECity Desktop</source>
        <translation>About SECity Desktop</translation>
    </message>
    <message>
        <source>SECity Desktop {version}
Framework {fw} ({status})</source>
        <translation>SECity Desktop {version}
Framework {fw} ({status})</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <source>Not ready to mark complete</source>
        <translation>Not ready to mark complete</translation>
    </message>
    <message>
        <source>Before it can be marked complete:</source>
        <translation>Before it can be marked complete:</translation>
    </message>
    <message>
        <source>Not answered ({n})</source>
        <translation>Not answered ({n})</translation>
    </message>
    <message>
        <source>Evidence missing ({n})</source>
        <translation>Evidence missing ({n})</translation>
    </message>
    <message>
        <source>&amp;Go to first</source>
        <translation>&amp;Go to first</translation>
    </message>
</context>
<context>
    <name>MunicipalityTableModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Provincial seat</source>
        <translation>Provincial seat</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>Type a name in Thai or English, or a code…</source>
        <translation>Type a name in Thai or English, or a code…</translation>
    </message>
    <message>
        <source>&amp;Municipality:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <source>Buddhist Era fiscal year (1 October – 30 September)</source>
        <translation>Buddhist Era fiscal year (1 October – 30 September)</translation>
    </message>
    <message>
        <source>Fiscal &amp;year (BE):</source>
        <translation>Fiscal &amp;year (BE):</translation>
    </message>
    <message>
        <source>provisional draft — not the official criteria</source>
        <translation>provisional draft — not the official criteria</translation>
    </message>
    <message>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <source>Framework:</source>
        <translation>Framework:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>Assessment already exists</source>
        <translation>Assessment already exists</translation>
    </message>
    <message>
        <source>{name} already has an assessment for fiscal year {year} under this framework.</source>
        <translation>{name} already has an assessment for fiscal year {year} under this framework.</translation>
    </message>
    <message>
        <source>Open the existing assessment instead?</source>
        <translation>Open the existing assessment instead?</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>&amp;Open existing</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of SECity Desktop.</source>
        <translation>A new language is used from the next start of SECity Desktop.</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Mark complete…</source>
        <translation>Mark complete…</translation>
    </message>
    <message>
        <source>Check that nothing is missing and mark the assessment complete (Ctrl+Shift+Return)</source>
        <translation>Check that nothing is missing and mark the assessment complete (Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <source>{total} / 100</source>
        <translation>{total} / 100</translation>
    </message>
    <message>
        <source>Below every tier ({points} points short of {tier})</source>
        <translation>Below every tier ({points} points short of {tier})</translation>
    </message>
    <message>
        <source>Answered {answered} of {count}</source>
        <translation>Answered {answered} of {count}</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>and {n} more</translation>
    </message>
    <message>
        <source>Not answered:</source>
        <translation>Not answered:</translation>
    </message>
    <message>
        <source>Evidence missing:</source>
        <translation>Evidence missing:</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>Nothing is missing.</translation>
    </message>
</context>
</TS>
