<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SECity Desktop</source>
        <translation>About SECity Desktop</translation>
    </message>
    <message>
        <source>Sustainable Environment City assessment</source>
        <translation>Sustainable Environment City assessment</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Framework hash</source>
        <translation>Framework hash</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>Copy support information</source>
        <translation>Copy support information</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>Edit aga&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn this complete assessment back into a draft so that it can be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{author}, {when}</source>
        <translation>{author}, {when}</translation>
    </message>
    <message>
        <source>The reviewer set level {level} instead of {old}</source>
        <translation>The reviewer set level {level} instead of {old}</translation>
    </message>
    <message>
        <source>Returned for revision</source>
        <translation>Returned for revision</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>fiscal year {year} · framework {version}{note} · {status}</source>
        <translation>fiscal year {year} · framework {version}{note} · {status}</translation>
    </message>
    <message>
        <source>Received from {assessor}: read-only here; the office changes levels with a review override.</source>
        <translation>Received from {assessor}: read-only here; the office changes levels with a review override.</translation>
    </message>
    <message>
        <source>This assessment is complete: it is locked so that no stray key changes it. Choose &quot;Edit again&quot; to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assessment is {status}: it is shown read-only.</source>
        <translation>This assessment is {status}: it is shown read-only.</translation>
    </message>
    <message>
        <source>Complete. Next: finalize and sign it, then send it to the province, under Sync › Send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalized and signed. Next: send it to the province under Sync › Send (export to a USB folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only here. Next: review it under Review — start the review, change a level with a reason, then approve it or return it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Review…</source>
        <translation type="unfinished"></translation>
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
        <source>Opening evidence…</source>
        <translation>Opening evidence…</translation>
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
    <name>AuditTrailBox</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished">Audit trail</translation>
    </message>
    <message>
        <source>Not checked yet in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole: {n} event(s), every hash and link follows; {m} head(s) sent in bundles, all still on the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken at event {seq} ({problem})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>append-only protection removed ({names})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event {seq} sent in a bundle is {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BROKEN: {what}. Tell your administrator and the office you send bundles to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up workspace…</source>
        <translation>&amp;Back up workspace…</translation>
    </message>
    <message>
        <source>&amp;Verify a backup…</source>
        <translation>&amp;Verify a backup…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Back up the workspace to</source>
        <translation>Back up the workspace to</translation>
    </message>
    <message>
        <source>SECity backup (*{suffix})</source>
        <translation>SECity backup (*{suffix})</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Restore into which empty folder?</source>
        <translation>Restore into which empty folder?</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); nothing was changed. The details are in the log.</source>
        <translation>Something went wrong ({kind}); nothing was changed. The details are in the log.</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>Backing up the workspace…</translation>
    </message>
    <message>
        <source>The backup was written to {path} ({mb} MB, {n} evidence files).</source>
        <translation>The backup was written to {path} ({mb} MB, {n} evidence files).</translation>
    </message>
    <message>
        <source>{d} evidence files are damaged and {m} are missing on this computer; the backup names them.</source>
        <translation>{d} evidence files are damaged and {m} are missing on this computer; the backup names them.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>The backup is sound: {n} files, every hash matches.</source>
        <translation>The backup is sound: {n} files, every hash matches.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>{n} evidence files listed by assessments were not in the backup.</source>
        <translation>{n} evidence files listed by assessments were not in the backup.</translation>
    </message>
    <message>
        <source>Making today&apos;s backup…</source>
        <translation>Making today&apos;s backup…</translation>
    </message>
    <message>
        <source>Today&apos;s backup was made: {path}</source>
        <translation>Today&apos;s backup was made: {path}</translation>
    </message>
    <message>
        <source>Restored into {path}: {a} assessments, {e} evidence files.</source>
        <translation>Restored into {path}: {a} assessments, {e} evidence files.</translation>
    </message>
    <message>
        <source>Open the restored workspace now? (This window closes; your current workspace stays as it is.)</source>
        <translation>Open the restored workspace now? (This window closes; your current workspace stays as it is.)</translation>
    </message>
    <message>
        <source>SECity Desktop could not be started on {path}; start it with that folder as its workspace (--data-dir).</source>
        <translation>SECity Desktop could not be started on {path}; start it with that folder as its workspace (--data-dir).</translation>
    </message>
    <message>
        <source>The last automatic backup did not happen; see the log.</source>
        <translation>The last automatic backup did not happen; see the log.</translation>
    </message>
</context>
<context>
    <name>BeDateEdit</name>
    <message>
        <source>B.E. </source>
        <translation type="unfinished"></translation>
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
    <name>CandidateTableModel</name>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Last sent to</source>
        <translation>Last sent to</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
</context>
<context>
    <name>CertificateVerifyBox</name>
    <message>
        <source>Verify a certificate</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <source>Paste the QR code&apos;s text (SECITY-CERT1:…)</source>
        <translation>Paste the QR code&apos;s text (SECITY-CERT1:…)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>Open PDF…</translation>
    </message>
    <message>
        <source>Also trust keys enrolled in this workspace</source>
        <translation>Also trust keys enrolled in this workspace</translation>
    </message>
    <message>
        <source>Certificate PDF</source>
        <translation>Certificate PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>This workspace trusts no signing key yet.</source>
        <translation>This workspace trusts no signing key yet.</translation>
    </message>
    <message>
        <source>NOT GENUINE: {reason}</source>
        <translation>NOT GENUINE: {reason}</translation>
    </message>
    <message>
        <source>GENUINE: {number} — {name} ({code}), {tier}, fiscal year {year}, issued {date}; signed by {signer} ({fingerprint})</source>
        <translation>GENUINE: {number} — {name} ({code}), {tier}, fiscal year {year}, issued {date}; signed by {signer} ({fingerprint})</translation>
    </message>
</context>
<context>
    <name>ClaimBanner</name>
    <message>
        <source>signed by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsigned spreadsheet, entered by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipality&apos;s self-assessment ({source}) uses another framework version; it is not compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality&apos;s self-assessment ({source}): claimed {claimed:.2f}, verified {verified:.2f} (gap {gap:+.2f}); {n} indicator(s) disagree.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimBox</name>
    <message>
        <source>Municipality&apos;s self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The municipality did not answer this indicator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed level {level}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs from the level chosen here ({chosen}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made under another framework version: shown, not compared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Newly imported</source>
        <translation>Newly imported</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Already here</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>revision {n} · {status} · {who} · {when}</source>
        <translation>revision {n} · {status} · {who} · {when}</translation>
    </message>
    <message>
        <source>signed with {key}</source>
        <translation>signed with {key}</translation>
    </message>
    <message>
        <source>both revise the same revision</source>
        <translation>both revise the same revision</translation>
    </message>
    <message>
        <source>two first assessments</source>
        <translation>two first assessments</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <translation>waiting for a decision</translation>
    </message>
    <message>
        <source>newly imported</source>
        <translation>newly imported</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>already here</translation>
    </message>
    <message>
        <source>kept the {which} ({when})</source>
        <translation>kept the {which} ({when})</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Two revisions claim the same municipality and year. Both were kept; choose the one that stands and say why. The other stays in the store, set aside.</source>
        <translation>Two revisions claim the same municipality and year. Both were kept; choose the one that stands and say why. The other stays in the store, set aside.</translation>
    </message>
    <message>
        <source>Show resolved ones too</source>
        <translation>Show resolved ones too</translation>
    </message>
    <message>
        <source>Keep the newly imported…</source>
        <translation>Keep the newly imported…</translation>
    </message>
    <message>
        <source>Keep the one already here…</source>
        <translation>Keep the one already here…</translation>
    </message>
    <message>
        <source>Resolve conflict {n}</source>
        <translation>Resolve conflict {n}</translation>
    </message>
    <message>
        <source>Why does revision {rev} ({id}) stand? The reason is kept in the audit log.</source>
        <translation>Why does revision {rev} ({id}) stand? The reason is kept in the audit log.</translation>
    </message>
    <message>
        <source>Conflict not resolved</source>
        <translation>Conflict not resolved</translation>
    </message>
</context>
<context>
    <name>CoveragePlace</name>
    <message>
        <source>All region offices</source>
        <translation>All region offices</translation>
    </message>
    <message>
        <source>Region office {n}</source>
        <translation>Region office {n}</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Region office</source>
        <translation>Region office</translation>
    </message>
    <message>
        <source>seat town not approved yet, or no model town chosen</source>
        <translation>seat town not approved yet, or no model town chosen</translation>
    </message>
    <message>
        <source>grey: nothing received for this year yet</source>
        <translation>grey: nothing received for this year yet</translation>
    </message>
    <message>
        <source>No assessments yet. Import the provinces&apos; upward bundles under Sync.</source>
        <translation>No assessments yet. Import the provinces&apos; upward bundles under Sync.</translation>
    </message>
    <message>
        <source>Fiscal year {year}: seat town approved in {seat} of {all} provinces; model town chosen in {towns}; {reporting} province(s) reporting.</source>
        <translation>Fiscal year {year}: seat town approved in {seat} of {all} provinces; model town chosen in {towns}; {reporting} province(s) reporting.</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Region office</source>
        <translation>Region office</translation>
    </message>
    <message>
        <source>Seat town</source>
        <translation>Seat town</translation>
    </message>
    <message>
        <source>Seat status</source>
        <translation>Seat status</translation>
    </message>
    <message>
        <source>Seat total</source>
        <translation>Seat total</translation>
    </message>
    <message>
        <source>Seat tier</source>
        <translation>Seat tier</translation>
    </message>
    <message>
        <source>Approved / municipalities</source>
        <translation>Approved / municipalities</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>Model town</translation>
    </message>
    <message>
        <source>Municipalities with an approved assessment for the year, of those listed</source>
        <translation>Municipalities with an approved assessment for the year, of those listed</translation>
    </message>
    <message>
        <source>Of the seat town&apos;s assessment for the year</source>
        <translation>Of the seat town&apos;s assessment for the year</translation>
    </message>
    <message>
        <source>seat town not approved</source>
        <translation>seat town not approved</translation>
    </message>
    <message>
        <source>no model town</source>
        <translation>no model town</translation>
    </message>
    <message>
        <source>nothing received for this year yet</source>
        <translation>nothing received for this year yet</translation>
    </message>
    <message>
        <source>seat town approved; model town chosen</source>
        <translation>seat town approved; model town chosen</translation>
    </message>
    <message>
        <source>No result received</source>
        <translation>No result received</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>SECity Desktop — unexpected error</source>
        <translation>SECity Desktop — unexpected error</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in SECity Desktop.</source>
        <translation>Something unexpected went wrong in SECity Desktop.</translation>
    </message>
    <message>
        <source>The workspace store reported an error. Please close SECity Desktop and start it again; if it happens again, make a backup (File → Back up workspace…) and ask for help.</source>
        <translation>The workspace store reported an error. Please close SECity Desktop and start it again; if it happens again, make a backup (File → Back up workspace…) and ask for help.</translation>
    </message>
    <message>
        <source>Nothing was lost: every change you make is saved as you make it. The action you were doing did not finish; you can carry on working.</source>
        <translation>Nothing was lost: every change you make is saved as you make it. The action you were doing did not finish; you can carry on working.</translation>
    </message>
    <message>
        <source>Your last few seconds of typing in the note may not have been saved; please check the note. Everything else is saved.</source>
        <translation>Your last few seconds of typing in the note may not have been saved; please check the note. Everything else is saved.</translation>
    </message>
    <message>
        <source>A report for the support team was saved to:
{path}</source>
        <translation>A report for the support team was saved to:
{path}</translation>
    </message>
    <message>
        <source>The report could not be saved; use Copy report instead.</source>
        <translation>The report could not be saved; use Copy report instead.</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copy report</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinue</translation>
    </message>
</context>
<context>
    <name>DashboardPlace</name>
    <message>
        <source>All provinces</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Not assessed</translation>
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
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Set as model town…</source>
        <translation>Set as model town…</translation>
    </message>
    <message>
        <source>Export for Excel…</source>
        <translation>Export for Excel…</translation>
    </message>
    <message>
        <source>Assessments (one row each, with scores)</source>
        <translation>Assessments (one row each, with scores)</translation>
    </message>
    <message>
        <source>Indicator responses</source>
        <translation>Indicator responses</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>Assessed {assessed} of {all} municipalities ({percent:.1f}%) · approved {approved}</source>
        <translation>Assessed {assessed} of {all} municipalities ({percent:.1f}%) · approved {approved}</translation>
    </message>
    <message>
        <source>Model town {year}: {name} — {reason}</source>
        <translation>Model town {year}: {name} — {reason}</translation>
    </message>
    <message>
        <source>below every tier {count}</source>
        <translation>below every tier {count}</translation>
    </message>
    <message>
        <source>average total {average:.2f}</source>
        <translation>average total {average:.2f}</translation>
    </message>
    <message>
        <source>Only a town whose approved assessment reaches a tier can be the model town.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year over year</source>
        <translation>Year over year</translation>
    </message>
    <message>
        <source>Export for Excel</source>
        <translation>Export for Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {rows} rows to {path}</source>
        <translation>Wrote {rows} rows to {path}</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>Model town</translation>
    </message>
    <message>
        <source>Choose {name} as the model town for {year}? Write the reason (required).</source>
        <translation>Choose {name} as the model town for {year}? Write the reason (required).</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>DashboardTableModel</name>
    <message>
        <source>Comp. {code}</source>
        <translation>Comp. {code}</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
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
        <source>Status</source>
        <translation>Status</translation>
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
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Component {code} score</source>
        <translation>Component {code} score</translation>
    </message>
    <message>
        <source>Change of the total from the previous fiscal year</source>
        <translation>Change of the total from the previous fiscal year</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Not assessed</translation>
    </message>
</context>
<context>
    <name>EnrolKeyDialog</name>
    <message>
        <source>Enrol key</source>
        <translation type="unfinished">Enrol key</translation>
    </message>
    <message>
        <source>{file} was signed with this key, which is not enrolled here. Enrol it only if {owner} reads you the same fingerprint (by phone, or from the QR code on their key page); the bundle&apos;s own claim proves nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol this key only if {owner} reads you the same fingerprint (by phone, or from the QR code on their key page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished">Fingerprint</translation>
    </message>
    <message>
        <source>type what the sender reads out (or its last 8 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read out by the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I compared the fingerprint with the sender: it is the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished">Organisation</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>✓ The same fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Not the same: do not enrol this key. Ask the sender to send the key file or the bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceImporter</name>
    <message>
        <source>Copying evidence into the workspace…</source>
        <translation>Copying evidence into the workspace…</translation>
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
    <name>ExportPage</name>
    <message>
        <source>Finalize and sign…</source>
        <translation>Finalize and sign…</translation>
    </message>
    <message>
        <source>Select everything not yet sent</source>
        <translation>Select everything not yet sent</translation>
    </message>
    <message>
        <source>Sign and export…</source>
        <translation>Sign and export…</translation>
    </message>
    <message>
        <source>Encrypt to the province office&apos;s key (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lost USB stick then shows nothing. Untick only if the office asked for an unencrypted bundle; the choice is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete, not yet finalized: {n}</source>
        <translation>Complete, not yet finalized: {n}</translation>
    </message>
    <message>
        <source>You have no signing key yet: create it under “My signing key”, then finalize and send here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send yet. Fill in an assessment and mark it complete (Assessments › Mark complete…); it then appears here to finalize and sign, and then to export to a folder or USB stick for the province.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Finalize and sign each complete assessment (above). 2. Tick what to send below and choose “Sign and export…” to write a bundle to a folder or USB stick. 3. Give the file to your provincial office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase to finalize and sign {name}. A finalized assessment can no longer be edited; changes make a new revision.</source>
        <translation>Passphrase to finalize and sign {name}. A finalized assessment can no longer be edited; changes make a new revision.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <source>{n} revision(s), about {size}</source>
        <translation>{n} revision(s), about {size}</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Save bundle</translation>
    </message>
    <message>
        <source>SECity bundle (*.secbundle)</source>
        <translation>SECity bundle (*.secbundle)</translation>
    </message>
    <message>
        <source>Passphrase to sign {n} revision(s)</source>
        <translation>Passphrase to sign {n} revision(s)</translation>
    </message>
    <message>
        <source>Writing bundle…</source>
        <translation>Writing bundle…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}, {n} revision(s)).
SHA-256 {sha}</source>
        <translation>Wrote {path} ({size}, {n} revision(s)).
SHA-256 {sha}</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>No bundle was written.</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <source>SECity Desktop — first start</source>
        <translation>SECity Desktop — first start</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Start working</source>
        <translation>&amp;Start working</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>SECity Desktop</source>
        <translation>SECity Desktop</translation>
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
        <source>Weight: {w}% of the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an indicator to see its levels and the evidence each needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <source>For everyone</source>
        <translation>For everyone</translation>
    </message>
    <message>
        <source>Field assessor</source>
        <translation>Field assessor</translation>
    </message>
    <message>
        <source>Provincial office</source>
        <translation>Provincial office</translation>
    </message>
    <message>
        <source>Regional and national offices</source>
        <translation>Regional and national offices</translation>
    </message>
    <message>
        <source>User guide — SECity Desktop</source>
        <translation>User guide — SECity Desktop</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Print / save as PDF…</source>
        <translation>Print / save as PDF…</translation>
    </message>
    <message>
        <source>The whole guide as a printable PDF</source>
        <translation>The whole guide as a printable PDF</translation>
    </message>
    <message>
        <source>SECity user guide.pdf</source>
        <translation>SECity user guide.pdf</translation>
    </message>
    <message>
        <source>Save the guide as PDF</source>
        <translation>Save the guide as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Written: {path} ({pages} pages)</source>
        <translation>Written: {path} ({pages} pages)</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Drop .secbundle files here (or add them), check them, then apply. Nothing changes until you apply; a refused file is kept in quarantine with its reason.</source>
        <translation>Drop .secbundle files here (or add them), check them, then apply. Nothing changes until you apply; a refused file is kept in quarantine with its reason.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>Check (dry run)</translation>
    </message>
    <message>
        <source>Apply import</source>
        <translation>Apply import</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Enrol this sender…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Bundles to import</translation>
    </message>
    <message>
        <source>SECity bundles (*.secbundle *.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of this workspace&apos;s key, to open the encrypted bundle(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run — nothing changed yet: {add} to add, {update} to update, {skip} already here, {conflict} in conflict, {reviews} review(s) to apply, {rejected} refused.</source>
        <translation>Dry run — nothing changed yet: {add} to add, {update} to update, {skip} already here, {conflict} in conflict, {reviews} review(s) to apply, {rejected} refused.</translation>
    </message>
    <message>
        <source>{n} stale replay(s): older than what is here, recorded only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key statement in {file} was not applied: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key change for {holder} will be applied: {old} → {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is signed by {fingerprint} before that key was replaced or revoked; accepted within the grace — ask the sender if you did not expect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was refused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle says it comes from {who}, key fingerprint {fp}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If this sender is expected, choose “Enrol this sender…”, compare the fingerprint with them, then check the bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the office</source>
        <translation type="unfinished">the office</translation>
    </message>
    <message>
        <source>the assessor</source>
        <translation type="unfinished">the assessor</translation>
    </message>
    <message>
        <source>the provincial office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Imported: {add} added, {update} updated, {skip} already here, {conflict} conflicts kept for review, {reviews} review(s) applied; {rejected} file(s) refused and quarantined.</source>
        <translation>Imported: {add} added, {update} updated, {skip} already here, {conflict} conflicts kept for review, {reviews} review(s) applied; {rejected} file(s) refused and quarantined.</translation>
    </message>
    <message>
        <source>Checking bundles</source>
        <translation>Checking bundles</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>add</source>
        <translation>add</translation>
    </message>
    <message>
        <source>update</source>
        <translation>update</translation>
    </message>
    <message>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>ambiguous</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>department code</source>
        <translation>department code</translation>
    </message>
    <message>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <source>seat town</source>
        <translation>seat town</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import the register of local governments</source>
        <translation>Import the register of local governments</translation>
    </message>
    <message>
        <source>Import past results</source>
        <translation>Import past results</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Settle the row…</source>
        <translation>Settle the row…</translation>
    </message>
    <message>
        <source>Say which record an ambiguous row is, or add or skip it</source>
        <translation>Say which record an ambiguous row is, or add or skip it</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Imported: {counts}</source>
        <translation>Imported: {counts}</translation>
    </message>
    <message>
        <source>refused rows must be corrected in the file, ambiguous rows settled, before Apply</source>
        <translation>refused rows must be corrected in the file, ambiguous rows settled, before Apply</translation>
    </message>
    <message>
        <source>Add it as a new record</source>
        <translation>Add it as a new record</translation>
    </message>
    <message>
        <source>Skip this row</source>
        <translation>Skip this row</translation>
    </message>
    <message>
        <source>Undo my choice for this row</source>
        <translation>Undo my choice for this row</translation>
    </message>
    <message>
        <source>Settle line {line}</source>
        <translation>Settle line {line}</translation>
    </message>
    <message>
        <source>Which record is line {line}?</source>
        <translation>Which record is line {line}?</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Reviewer&apos;s comments</source>
        <translation>Reviewer&apos;s comments</translation>
    </message>
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
    <message>
        <source>Reviewer&apos;s comments: {n}</source>
        <translation>Reviewer&apos;s comments: {n}</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Assessor profile</source>
        <translation>Assessor profile</translation>
    </message>
    <message>
        <source>Office profile</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Province code</source>
        <translation>Province code</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Public key</translation>
    </message>
    <message>
        <source>Create signing key…</source>
        <translation>Create signing key…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>Export public key…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new signing key and a rotation statement signed by the old and new keys; give the statement to your office so your enrolment moves to the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing key yet. Create one to sign the bundles this office sends (returns to assessors, results upward); it is protected by a passphrase only you know.</source>
        <translation>No signing key yet. Create one to sign the bundles this office sends (returns to assessors, results upward); it is protected by a passphrase only you know.</translation>
    </message>
    <message>
        <source>No signing key yet. Create one to finalize and send assessments; it is protected by a passphrase only you know.</source>
        <translation>No signing key yet. Create one to finalize and send assessments; it is protected by a passphrase only you know.</translation>
    </message>
    <message>
        <source>Give your assessors and the regional office this office&apos;s public key (file or QR) and read the fingerprint to them so they can check it.</source>
        <translation>Give your assessors and the regional office this office&apos;s public key (file or QR) and read the fingerprint to them so they can check it.</translation>
    </message>
    <message>
        <source>Give the office your public key (file or QR) and read the fingerprint to them so they can check it.</source>
        <translation>Give the office your public key (file or QR) and read the fingerprint to them so they can check it.</translation>
    </message>
    <message>
        <source>Choose a passphrase for your new signing key (at least 8 characters).</source>
        <translation>Choose a passphrase for your new signing key (at least 8 characters).</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Wrong passphrase; try again.</translation>
    </message>
    <message>
        <source>New passphrase (at least 8 characters)</source>
        <translation>New passphrase (at least 8 characters)</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>The passphrase was changed.</translation>
    </message>
    <message>
        <source>Current passphrase (the old key signs the change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for the new key (at least 8 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the rotation statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key {fp}. Give the statement {file} to your office; until it is applied there, bundles you sign with the new key are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <source>Public key (*.pub)</source>
        <translation>Public key (*.pub)</translation>
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
    <message>
        <source>Municipality&apos;s claim</source>
        <translation type="unfinished"></translation>
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
        <source>Municipalities</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>(demo data)</source>
        <translation>(demo data)</translation>
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
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>No assessments yet: start one with “New assessment…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet. Assessments reach this office in signed bundles: import the bundles you receive under Sync › Receive (import).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a bundle…</source>
        <translation type="unfinished"></translation>
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
        <source>DEMO DATA</source>
        <translation>DEMO DATA</translation>
    </message>
    <message>
        <source>All changes saved · last saved {when}</source>
        <translation>All changes saved · last saved {when}</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Coverage</translation>
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
    <name>MunicipalityPage</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Department code</source>
        <translation>Department code</translation>
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
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Provincial seat town</source>
        <translation>Provincial seat town</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Also known by</source>
        <translation>Also known by</translation>
    </message>
    <message>
        <source>Forms over the years</source>
        <translation>Forms over the years</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>first listed</source>
        <translation>first listed</translation>
    </message>
    <message>
        <source>Past results</source>
        <translation>Past results</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>As written</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>{file}, line {line}</translation>
    </message>
    <message>
        <source>No past results recorded.</source>
        <translation>No past results recorded.</translation>
    </message>
</context>
<context>
    <name>MunicipalityPlace</name>
    <message>
        <source>Filter by name (Thai or English), code or province…</source>
        <translation>Filter by name (Thai or English), code or province…</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <source>Load the department&apos;s register of local governments (CSV or XLSX) with a preview</source>
        <translation>Load the department&apos;s register of local governments (CSV or XLSX) with a preview</translation>
    </message>
    <message>
        <source>Past results…</source>
        <translation>Past results…</translation>
    </message>
    <message>
        <source>Load the awards and tiers of earlier years with a preview</source>
        <translation>Load the awards and tiers of earlier years with a preview</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected record, its forms over the years and past results (Enter)</source>
        <translation>The selected record, its forms over the years and past results (Enter)</translation>
    </message>
    <message>
        <source>Self-assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in the selected municipality&apos;s self-assessment spreadsheet, or save the template</source>
        <translation type="unfinished"></translation>
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
    <name>OfficeBundleWriter</name>
    <message>
        <source>Passphrase to sign the return bundle for {n} assessment(s)</source>
        <translation>Passphrase to sign the return bundle for {n} assessment(s)</translation>
    </message>
    <message>
        <source>Passphrase to sign the upward bundle: {n} approved assessment(s), {m} model town(s)</source>
        <translation>Passphrase to sign the upward bundle: {n} approved assessment(s), {m} model town(s)</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>This office has no signing key yet. Create one under Sync → Office signing key, and give its public key to your assessors.</source>
        <translation>This office has no signing key yet. Create one under Sync → Office signing key, and give its public key to your assessors.</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Save bundle</translation>
    </message>
    <message>
        <source>SECity bundle (*.secbundle)</source>
        <translation>SECity bundle (*.secbundle)</translation>
    </message>
    <message>
        <source>Writing bundle…</source>
        <translation>Writing bundle…</translation>
    </message>
    <message>
        <source>Writing return bundle</source>
        <translation>Writing return bundle</translation>
    </message>
    <message>
        <source>Writing upward bundle</source>
        <translation>Writing upward bundle</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).
SHA-256 {sha}</source>
        <translation>Wrote {path} ({size}).
SHA-256 {sha}</translation>
    </message>
</context>
<context>
    <name>OfficeCandidateModel</name>
    <message>
        <source>Returned on</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>Model town</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n}×</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>SECity Desktop</source>
        <translation>SECity Desktop</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Change the level of {code}</source>
        <translation>Change the level of {code}</translation>
    </message>
    <message>
        <source>{code} {title}
Assessor&apos;s level: {level}. Write why the level changes.</source>
        <translation>{code} {title}
Assessor&apos;s level: {level}. Write why the level changes.</translation>
    </message>
    <message>
        <source>Reviewer&apos;s level</source>
        <translation>Reviewer&apos;s level</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>add</source>
        <translation>add</translation>
    </message>
    <message>
        <source>update (newer revision)</source>
        <translation>update (newer revision)</translation>
    </message>
    <message>
        <source>skip (already here)</source>
        <translation>skip (already here)</translation>
    </message>
    <message>
        <source>conflict — both kept</source>
        <translation>conflict — both kept</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>apply the review</source>
        <translation>apply the review</translation>
    </message>
    <message>
        <source>record the choice</source>
        <translation>record the choice</translation>
    </message>
    <message>
        <source>stale replay — not received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed revision</source>
        <translation>signed revision</translation>
    </message>
    <message>
        <source>review: returned</source>
        <translation>review: returned</translation>
    </message>
    <message>
        <source>review: approved</source>
        <translation>review: approved</translation>
    </message>
    <message>
        <source>model town</source>
        <translation>model town</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>already here</translation>
    </message>
    <message>
        <source>returned for revision: a new draft opens to fix it</source>
        <translation>returned for revision: a new draft opens to fix it</translation>
    </message>
    <message>
        <source>approved by the province</source>
        <translation>approved by the province</translation>
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
    <message>
        <source>This workspace</source>
        <translation>This workspace</translation>
    </message>
    <message>
        <source>Works as:</source>
        <translation>Works as:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>Regional office:</source>
        <translation>Regional office:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>This workspace holds demo data.</source>
        <translation>This workspace holds demo data.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>As written</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
</context>
<context>
    <name>ProgressPlace</name>
    <message>
        <source>Whole country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print trend PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading results of every year…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished">Coverage</translation>
    </message>
    <message>
        <source>Seat towns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model towns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most improved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}: {assessed} of {all} assessed ({percent:.1f}%), {approved} approved, {towns} model town(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished">Year</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provinces whose seat town reached a tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat town&apos;s approved total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished">Total</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished">Tier</translation>
    </message>
    <message>
        <source>Provinces with a model town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation type="unfinished">Model town</translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished">Municipality</translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished">Province</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished">Change</translation>
    </message>
    <message>
        <source>Needs approved results in at least two fiscal years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved totals of {first} and {last} compared; {n} left out because the framework changed with no declared mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trend PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished">PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReenrolDialog</name>
    <message>
        <source>Re-enrol a lost key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder lost their key (laptop lost, passphrase forgotten). Enrol their new key in its place and revoke the old one from the day it was last known safe: bundles it signed before stay valid, bundles it signs after are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Old key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a refused &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New public key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I read this fingerprint out with the holder and it &amp;matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the old key from &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. laptop stolen on the way back from the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder&apos;s new public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key (*.pub);;All files (*)</source>
        <translation type="unfinished">Public key (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>A bundle the holder signed with the new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.secbundle *.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPlace</name>
    <message>
        <source>Assessment report</source>
        <translation>Assessment report</translation>
    </message>
    <message>
        <source>Province summary</source>
        <translation>Province summary</translation>
    </message>
    <message>
        <source>Model-town certificate</source>
        <translation>Model-town certificate</translation>
    </message>
    <message>
        <source>Certificates (batch)</source>
        <translation>Certificates (batch)</translation>
    </message>
    <message>
        <source>Find by municipality, code, province or year…</source>
        <translation>Find by municipality, code, province or year…</translation>
    </message>
    <message>
        <source>The newest {n} matches; type to narrow the list</source>
        <translation>The newest {n} matches; type to narrow the list</translation>
    </message>
    <message>
        <source>Thai digits (๐–๙)</source>
        <translation>Thai digits (๐–๙)</translation>
    </message>
    <message>
        <source>Unsigned specimen (no QR code)</source>
        <translation>Unsigned specimen (no QR code)</translation>
    </message>
    <message>
        <source>Empty: this workspace&apos;s signing key; or an OpenSSH Ed25519 key file</source>
        <translation>Empty: this workspace&apos;s signing key; or an OpenSSH Ed25519 key file</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Open the file when done</source>
        <translation>Open the file when done</translation>
    </message>
    <message>
        <source>Render PDF…</source>
        <translation>Render PDF…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fiscal year (BE)</source>
        <translation>Fiscal year (BE)</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Signatory name</source>
        <translation>Signatory name</translation>
    </message>
    <message>
        <source>Signatory position</source>
        <translation>Signatory position</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>Province signing key</source>
        <translation>Province signing key</translation>
    </message>
    <message>
        <source>Folder for the certificates</source>
        <translation>Folder for the certificates</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>There is no assessment to report on.</source>
        <translation>There is no assessment to report on.</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <source>Rendering {done} of {total}…</source>
        <translation>Rendering {done} of {total}…</translation>
    </message>
    <message>
        <source>Cancelled: {done} of {total} written.</source>
        <translation>Cancelled: {done} of {total} written.</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewIndicatorModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Assessor&apos;s level</source>
        <translation>Assessor&apos;s level</translation>
    </message>
    <message>
        <source>Reviewer&apos;s level</source>
        <translation>Reviewer&apos;s level</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>Municipality&apos;s claim</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewListModel</name>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>New revision after approval</source>
        <translation>New revision after approval</translation>
    </message>
</context>
<context>
    <name>ReviewPlace</name>
    <message>
        <source>All to review and decided</source>
        <translation>All to review and decided</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return for revision…</source>
        <translation>Return for revision…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on assessment…</source>
        <translation>Comment on assessment…</translation>
    </message>
    <message>
        <source>Write return bundle…</source>
        <translation>Write return bundle…</translation>
    </message>
    <message>
        <source>Sign a bundle that takes this return and its comments to the assessor</source>
        <translation>Sign a bundle that takes this return and its comments to the assessor</translation>
    </message>
    <message>
        <source>Change level…</source>
        <translation>Change level…</translation>
    </message>
    <message>
        <source>Comment on indicator…</source>
        <translation>Comment on indicator…</translation>
    </message>
    <message>
        <source>Review history and comments</source>
        <translation>Review history and comments</translation>
    </message>
    <message>
        <source>Nothing to review with this filter.</source>
        <translation>Nothing to review with this filter.</translation>
    </message>
    <message>
        <source>fiscal year</source>
        <translation>fiscal year</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>revision</translation>
    </message>
    <message>
        <source>Assessor&apos;s total {raw:.2f} · after review {eff:.2f} ({tier})</source>
        <translation>Assessor&apos;s total {raw:.2f} · after review {eff:.2f} ({tier})</translation>
    </message>
    <message>
        <source>The municipality&apos;s self-assessment uses another framework version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality&apos;s self-assessment {claimed:.2f} ({source}) · gap {gap:+.2f} · {n} indicator(s) disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}: {old} → {new}</source>
        <translation>{who}: {old} → {new}</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>assessment</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>{who} changed {code}: {old} → {new}</source>
        <translation>{who} changed {code}: {old} → {new}</translation>
    </message>
    <message>
        <source>No review activity yet.</source>
        <translation>No review activity yet.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>Approve this assessment? A note is optional.</source>
        <translation>Approve this assessment? A note is optional.</translation>
    </message>
    <message>
        <source>Return for revision</source>
        <translation>Return for revision</translation>
    </message>
    <message>
        <source>Tell the assessor what to fix (required).</source>
        <translation>Tell the assessor what to fix (required).</translation>
    </message>
    <message>
        <source>Write the return bundle for the assessor now?</source>
        <translation>Write the return bundle for the assessor now?</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Comment on the whole assessment.</source>
        <translation>Comment on the whole assessment.</translation>
    </message>
    <message>
        <source>Comment on indicator {code}.</source>
        <translation>Comment on indicator {code}.</translation>
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
<context>
    <name>Sealing</name>
    <message>
        <source>Encrypted: only the key(s) {keys} can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted (as you chose; recorded in the history and the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfAssessmentDialog</name>
    <message>
        <source>Municipality&apos;s self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a municipality that filled the department&apos;s online form: fill the template (indicator code, level, note) and bring it in here. It is kept as unsigned, with the name of who entered it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished">Municipality</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation type="unfinished">Fiscal year</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished">Choose file…</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished">Check</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-assessment spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished">Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation type="unfinished">Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {answered} of {count} indicators answered; ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: imported ({answered} of {count} indicators answered), unsigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is already the standing self-assessment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No self-assessment for this year yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsigned spreadsheet, entered by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing self-assessment: claimed total {total:.2f} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfGapList</name>
    <message>
        <source>Municipality</source>
        <translation type="unfinished">Municipality</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-assessment against verification, {year}: largest gap first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a fiscal year to compare self-assessments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a province to compare self-assessments with verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed {claimed:.2f}, verified {verified:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by the municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component {code}: claimed {claimed:.2f}, verified {verified:.2f} ({gap:+.2f}), {n} disagree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Encrypt each bundle to its receiver&apos;s key (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessor&apos;s key for a return, the region&apos;s or nation&apos;s office key for upward bundles. Untick only if the receiver asked for an unencrypted bundle; the choice is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to assessor</source>
        <translation>Return to assessor</translation>
    </message>
    <message>
        <source>Assessments you returned for revision. The bundle carries your decision, comments and level changes back to the assessor, whose workspace opens a new draft to fix.</source>
        <translation>Assessments you returned for revision. The bundle carries your decision, comments and level changes back to the assessor, whose workspace opens a new draft to fix.</translation>
    </message>
    <message>
        <source>Select everything not yet sent</source>
        <translation>Select everything not yet sent</translation>
    </message>
    <message>
        <source>Write return bundle…</source>
        <translation>Write return bundle…</translation>
    </message>
    <message>
        <source>Send upward</source>
        <translation>Send upward</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Write upward bundle…</source>
        <translation>Write upward bundle…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>{n} selected</translation>
    </message>
    <message>
        <source>Nothing returned for revision.</source>
        <translation>Nothing returned for revision.</translation>
    </message>
    <message>
        <source>{n} approved assessment(s) and {m} model town(s) will be sent</source>
        <translation>{n} approved assessment(s) and {m} model town(s) will be sent</translation>
    </message>
    <message>
        <source>Model town {year}: {name} — {reason}</source>
        <translation>Model town {year}: {name} — {reason}</translation>
    </message>
    <message>
        <source>No model town chosen for this year yet (Dashboard → Set as model town).</source>
        <translation>No model town chosen for this year yet (Dashboard → Set as model town).</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>No bundle was written.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Opening the workspace…</source>
        <translation>Opening the workspace…</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Wrong passphrase; try again.</translation>
    </message>
    <message>
        <source>SECity Desktop</source>
        <translation>SECity Desktop</translation>
    </message>
</context>
<context>
    <name>SyncPlace</name>
    <message>
        <source>Send self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (export)</source>
        <translation>Send (export)</translation>
    </message>
    <message>
        <source>Receive returns</source>
        <translation>Receive returns</translation>
    </message>
    <message>
        <source>My signing key</source>
        <translation>My signing key</translation>
    </message>
    <message>
        <source>Receive (import)</source>
        <translation>Receive (import)</translation>
    </message>
    <message>
        <source>Send results</source>
        <translation>Send results</translation>
    </message>
    <message>
        <source>Office signing key</source>
        <translation>Office signing key</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Import history</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>framework changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results to chart yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendSection</name>
    <message>
        <source>Progress over the years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print trend PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished">Total</translation>
    </message>
    <message>
        <source>Total and tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished">Year</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished">Change</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished">Tier</translation>
    </message>
    <message>
        <source>C{code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework</source>
        <translation type="unfinished">Framework</translation>
    </message>
    <message>
        <source> (compared through the declared mapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (framework changed: not compared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assessment recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework changed in {years} with no declared mapping: those years are not compared with the year before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ marks a year with a past award (listed under Past results).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save trend PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished">PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>Only bundles signed by these keys are accepted. Enrol a key from the file the assessor gives you, after checking its fingerprint with them.</source>
        <translation>Only bundles signed by these keys are accepted. Enrol a key from the file the assessor gives you, after checking its fingerprint with them.</translation>
    </message>
    <message>
        <source>Enrol key from file…</source>
        <translation>Enrol key from file…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Export allowed_signers…</source>
        <translation>Export allowed_signers…</translation>
    </message>
    <message>
        <source>Public key (*.pub);;All files (*)</source>
        <translation>Public key (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>Enrol key</source>
        <translation>Enrol key</translation>
    </message>
    <message>
        <source>Trusted office keys</source>
        <translation>Trusted office keys</translation>
    </message>
    <message>
        <source>Enrol a municipality&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A municipality office&apos;s key: it signs only that municipality&apos;s self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-enrol a lost key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder lost their key: enrol their new key and revoke the old one from a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply key statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signed key change received as a file: a rotation, a re-enrolment or a revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted assessor keys</source>
        <translation>Trusted assessor keys</translation>
    </message>
    <message>
        <source>Trusted province keys</source>
        <translation>Trusted province keys</translation>
    </message>
    <message>
        <source>Only return bundles signed by these keys are accepted. Enrol your province office&apos;s key from the file the office gives you, after checking its fingerprint with them.</source>
        <translation>Only return bundles signed by these keys are accepted. Enrol your province office&apos;s key from the file the office gives you, after checking its fingerprint with them.</translation>
    </message>
    <message>
        <source>Only upward bundles signed by these keys are accepted. Enrol each province office&apos;s key from the file it gives you, after checking its fingerprint with them.</source>
        <translation>Only upward bundles signed by these keys are accepted. Enrol each province office&apos;s key from the file it gives you, after checking its fingerprint with them.</translation>
    </message>
    <message>
        <source>the assessor</source>
        <translation>the assessor</translation>
    </message>
    <message>
        <source>the office</source>
        <translation>the office</translation>
    </message>
    <message>
        <source>Enrol a municipality&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which municipality does this key speak for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key to enrol</source>
        <translation>Public key to enrol</translation>
    </message>
    <message>
        <source>Is this the key of the region or national office you send results to? Upward bundles are encrypted to office keys. (An assessor&apos;s key is not an office key.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>Revoke the key of {name}? Bundles it signs will be refused.
Reason:</source>
        <translation>Revoke the key of {name}? Bundles it signs will be refused.
Reason:</translation>
    </message>
    <message>
        <source>{name} is enrolled with the new key {fingerprint}; the old key is revoked from {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key statement to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key statements (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of {name} ({fingerprint}) is revoked from {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment of {name} moved to the key {fingerprint} (from {date}); the old key no longer signs new work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export allowed_signers</source>
        <translation>Export allowed_signers</translation>
    </message>
</context>
<context>
    <name>TrustTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Enrolled by</source>
        <translation>Enrolled by</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>municipality {code} (self-assessment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes — bundles are encrypted to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDonePage</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Next: give your provincial office your public key (Sync › My signing key › Export public key…) and read them the fingerprint. Then start with Assessments › New assessment.</source>
        <translation>Next: give your provincial office your public key (Sync › My signing key › Export public key…) and read them the fingerprint. Then start with Assessments › New assessment.</translation>
    </message>
    <message>
        <source>Next: enrol your assessors&apos; public keys (Sync › Trusted assessor keys), then import the bundles they bring (Sync › Receive (import)). Give your assessors and the regional office this office&apos;s public key (Sync › Office signing key).</source>
        <translation>Next: enrol your assessors&apos; public keys (Sync › Trusted assessor keys), then import the bundles they bring (Sync › Receive (import)). Give your assessors and the regional office this office&apos;s public key (Sync › Office signing key).</translation>
    </message>
    <message>
        <source>Next: enrol the provincial offices&apos; public keys (Sync › Trusted province keys), then import their bundles (Sync › Receive (import)) and follow Coverage.</source>
        <translation>Next: enrol the provincial offices&apos; public keys (Sync › Trusted province keys), then import their bundles (Sync › Receive (import)) and follow Coverage.</translation>
    </message>
    <message>
        <source>Next: give your provincial office this public key (Sync › My signing key) to enrol as your municipality&apos;s key. Fill your self-assessment under Assessments › New assessment, finalize it and send it (Sync › Send self-assessment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no signing key yet: create it on the signing-key page under Sync before you finalize or send.</source>
        <translation>You have no signing key yet: create it on the signing-key page under Sync before you finalize or send.</translation>
    </message>
    <message>
        <source>Your signing key is ready. Its fingerprint:</source>
        <translation>Your signing key is ready. Its fingerprint:</translation>
    </message>
</context>
<context>
    <name>WelcomeKeyPage</name>
    <message>
        <source>Your signing key</source>
        <translation>Your signing key</translation>
    </message>
    <message>
        <source>What you finalize and send is signed with a key kept on this computer, protected by a passphrase only you know. Choose one you can remember: it cannot be recovered.</source>
        <translation>What you finalize and send is signed with a key kept on this computer, protected by a passphrase only you know. Choose one you can remember: it cannot be recovered.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Create the key later</source>
        <translation>Create the key later</translation>
    </message>
    <message>
        <source>You can create it any time on the signing-key page under Sync; you need it to finalize and send.</source>
        <translation>You can create it any time on the signing-key page under Sync; you need it to finalize and send.</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>very weak</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>very strong</translation>
    </message>
    <message>
        <source>Strength: {label}</source>
        <translation>Strength: {label}</translation>
    </message>
    <message>
        <source>use at least {n} characters</source>
        <translation>use at least {n} characters</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>the two passphrases differ</translation>
    </message>
</context>
<context>
    <name>WelcomePersonPage</name>
    <message>
        <source>About you</source>
        <translation>About you</translation>
    </message>
    <message>
        <source>Your name is written in the audit log and, when you sign, in what you send.</source>
        <translation>Your name is written in the audit log and, when you sign, in what you send.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>WelcomePlacePage</name>
    <message>
        <source>Where you work</source>
        <translation>Where you work</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— not set —</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Regional office</source>
        <translation>Regional office</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished">Municipality</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The province you assess in (you can change it later in your profile).</source>
        <translation>The province you assess in (you can change it later in your profile).</translation>
    </message>
    <message>
        <source>The province whose municipalities this office reviews.</source>
        <translation>The province whose municipalities this office reviews.</translation>
    </message>
    <message>
        <source>The regional environment office this workspace serves.</source>
        <translation>The regional environment office this workspace serves.</translation>
    </message>
    <message>
        <source>A national workspace sees every province; nothing to choose here.</source>
        <translation>A national workspace sees every province; nothing to choose here.</translation>
    </message>
    <message>
        <source>Your province, then your municipality (type part of its name to find it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeRolePage</name>
    <message>
        <source>Welcome to SECity Desktop</source>
        <translation>Welcome to SECity Desktop</translation>
    </message>
    <message>
        <source>This workspace keeps the assessments of the Sustainable Environment City programme on this computer. Who works here?</source>
        <translation>This workspace keeps the assessments of the Sustainable Environment City programme on this computer. Who works here?</translation>
    </message>
</context>
<context>
    <name>YearFilter</name>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
</context>
</TS>
