<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th">
<context>
    <name>AssessmentEditor</name>
    <message>
        <source> (provisional)</source>
        <translation> (ฉบับร่างชั่วคราว)</translation>
    </message>
    <message>
        <source>fiscal year {year} · framework {version}{note} · {status}</source>
        <translation>ปีงบประมาณ {year} · เกณฑ์ฉบับ {version}{note} · {status}</translation>
    </message>
    <message>
        <source>This assessment is {status}: it is shown read-only.</source>
        <translation>แบบประเมินนี้อยู่ในสถานะ{status} จึงเปิดดูได้อย่างเดียว แก้ไขไม่ได้</translation>
    </message>
    <message>
        <source>Clear {code}</source>
        <translation>ล้างคำตอบ {code}</translation>
    </message>
    <message>
        <source>Set {code} to level {level}</source>
        <translation>ให้ {code} เป็นระดับ {level}</translation>
    </message>
    <message>
        <source>Edit note on {code}</source>
        <translation>แก้ไขบันทึกของ {code}</translation>
    </message>
    <message>
        <source>Add evidence to {code}</source>
        <translation>เพิ่มหลักฐานให้ตัวชี้วัด {code}</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xlsx *.mp4 *.mov);;All files (*)</source>
        <translation>รูปภาพและเอกสาร (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xlsx *.mp4 *.mov);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Still copying the previous files; try again when it is done.</source>
        <translation>กำลังคัดลอกไฟล์ชุดก่อนอยู่ กรุณาลองอีกครั้งเมื่อคัดลอกเสร็จ</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>นำหลักฐานออก</translation>
    </message>
    <message>
        <source>Remove {name} from indicator {code}? The removal is recorded in the audit log.</source>
        <translation>นำ {name} ออกจากตัวชี้วัด {code} หรือไม่ การนำออกจะถูกบันทึกไว้ในประวัติการแก้ไข</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>นำออก</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>ยืนยันว่ากรอกครบแล้ว</translation>
    </message>
    <message>
        <source>All {n} indicators are answered and the evidence is attached. Mark this assessment complete?</source>
        <translation>ตอบครบทั้ง {n} ตัวชี้วัดและแนบหลักฐานครบแล้ว ต้องการระบุว่าแบบประเมินนี้กรอกครบแล้วหรือไม่</translation>
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
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>ตอบแล้ว</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>ระดับรางวัล</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>แก้ไขล่าสุด</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
</context>
<context>
    <name>EvidenceImporter</name>
    <message>
        <source>Copying evidence into the workspace…</source>
        <translation>กำลังคัดลอกหลักฐานเข้าพื้นที่ทำงาน…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Adding evidence</source>
        <translation>กำลังเพิ่มหลักฐาน</translation>
    </message>
    <message>
        <source>Copying {name}…</source>
        <translation>กำลังคัดลอก {name}…</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <source>Taken {when}</source>
        <translation>ถ่ายเมื่อ {when}</translation>
    </message>
    <message>
        <source>GPS {lat}, {lon}</source>
        <translation>พิกัด GPS {lat}, {lon}</translation>
    </message>
    <message>
        <source>Added by {who}</source>
        <translation>เพิ่มโดย {who}</translation>
    </message>
</context>
<context>
    <name>FindIndicatorDialog</name>
    <message>
        <source>Find indicator</source>
        <translation>ค้นหาตัวชี้วัด</translation>
    </message>
    <message>
        <source>Code (e.g. 2.3) or words in Thai or English</source>
        <translation>รหัส (เช่น 2.3) หรือคำค้นภาษาไทยหรืออังกฤษ</translation>
    </message>
</context>
<context>
    <name>FrameworkView</name>
    <message>
        <source>Provisional framework: indicator wording and cut-offs are a draft, not the official criteria.</source>
        <translation>เกณฑ์ฉบับร่างชั่วคราว: ถ้อยคำตัวชี้วัดและเกณฑ์คะแนนเป็นฉบับร่าง ไม่ใช่เกณฑ์ทางการ</translation>
    </message>
    <message>
        <source>version</source>
        <translation>ฉบับ</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>หลักฐาน</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Level (press a digit to choose)</source>
        <translation>ระดับคะแนน (กดตัวเลขเพื่อเลือก)</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>ล้างคำตอบ</translation>
    </message>
    <message>
        <source>Remove the chosen level (Ctrl+Backspace)</source>
        <translation>ยกเลิกระดับที่เลือกไว้ (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>บันทึกเพิ่มเติม (&amp;N)</translation>
    </message>
    <message>
        <source>What you saw, who you spoke to, what to check again… (saved as you type)</source>
        <translation>สิ่งที่พบ ผู้ที่ได้พูดคุยด้วย เรื่องที่ต้องตรวจซ้ำ… (บันทึกอัตโนมัติขณะพิมพ์)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>หลักฐาน</translation>
    </message>
    <message>
        <source>&amp;Add photo or document…</source>
        <translation>เพิ่มรูปภาพหรือเอกสาร… (&amp;A)</translation>
    </message>
    <message>
        <source>Add files as evidence (Ctrl+E), or drop them on this page</source>
        <translation>เพิ่มไฟล์เป็นหลักฐาน (Ctrl+E) หรือลากไฟล์มาวางที่หน้านี้</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>เปิด (&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected file with the system viewer</source>
        <translation>เปิดไฟล์ที่เลือกด้วยโปรแกรมของเครื่อง</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>นำออก… (&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected file from this indicator (kept in the audit log)</source>
        <translation>นำไฟล์ที่เลือกออกจากตัวชี้วัดนี้ (ยังคงมีบันทึกในประวัติการแก้ไข)</translation>
    </message>
    <message>
        <source>or drop files here</source>
        <translation>หรือลากไฟล์มาวางที่นี่</translation>
    </message>
    <message>
        <source>Component {code}: {title}</source>
        <translation>องค์ประกอบที่ {code}: {title}</translation>
    </message>
    <message>
        <source>Evidence is required when the level is above {lowest}.</source>
        <translation>ต้องแนบหลักฐานเมื่อเลือกระดับสูงกว่า {lowest}</translation>
    </message>
    <message>
        <source>Evidence is optional for this indicator.</source>
        <translation>ตัวชี้วัดนี้จะแนบหลักฐานหรือไม่ก็ได้</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>Answered</source>
        <translation>ตอบแล้ว</translation>
    </message>
    <message>
        <source>Answered, evidence missing</source>
        <translation>ตอบแล้ว แต่ยังขาดหลักฐาน</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>ยังไม่ได้ตอบ</translation>
    </message>
</context>
<context>
    <name>LevelRow</name>
    <message>
        <source>Choose level {value} (press {value})</source>
        <translation>เลือกระดับ {value} (กด {value})</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>หลักฐาน:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SECity Desktop — Sustainable Environment City</source>
        <translation>SECity Desktop — เมืองสิ่งแวดล้อมยั่งยืน</translation>
    </message>
    <message>
        <source>Filter by municipality, province, code or year…</source>
        <translation>กรองตามเทศบาล จังหวัด รหัส หรือปี…</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>แบบประเมิน</translation>
    </message>
    <message>
        <source>Filter by name (Thai or English), code or province…</source>
        <translation>กรองตามชื่อ (ไทยหรืออังกฤษ) รหัส หรือจังหวัด…</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>เกณฑ์ประเมิน</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>สร้างแบบประเมินใหม่… (&amp;N)</translation>
    </message>
    <message>
        <source>Start an assessment for a municipality (Ctrl+N)</source>
        <translation>เริ่มแบบประเมินใหม่ของเทศบาล (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>เปิด (&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected assessment (Enter)</source>
        <translation>เปิดแบบประเมินที่เลือก (Enter)</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>กลับไปที่รายการ (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>การตั้งค่า… (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>เลิกทำ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find indicator…</source>
        <translation>ค้นหาตัวชี้วัด… (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Next indicator</source>
        <translation>ตัวชี้วัดถัดไป (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous indicator</source>
        <translation>ตัวชี้วัดก่อนหน้า (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Clear answer</source>
        <translation>ล้างคำตอบ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Attach evidence…</source>
        <translation>แนบหลักฐาน… (&amp;A)</translation>
    </message>
    <message>
        <source>Go to the &amp;note</source>
        <translation>ไปที่ช่องบันทึก (&amp;O)</translation>
    </message>
    <message>
        <source>Go to the indicator &amp;list</source>
        <translation>ไปที่รายการตัวชี้วัด (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Mark complete…</source>
        <translation>ยืนยันว่ากรอกครบ… (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>แฟ้ม (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>แก้ไข (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>แบบประเมิน (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SECity Desktop</source>
        <translation>เกี่ยวกับ SECity Desktop (&amp;A)</translation>
    </message>
    <message>
        <source>Workspace: {path} · role: {role} · province: {province}</source>
        <translation>พื้นที่ทำงาน: {path} · บทบาท: {role} · จังหวัด: {province}</translation>
    </message>
    <message>
        <source>All changes saved · last saved {when}</source>
        <translation>บันทึกการเปลี่ยนแปลงทั้งหมดแล้ว · บันทึกล่าสุด {when}</translation>
    </message>
    <message>
        <source>About SECity Desktop</source>
        <translation>เกี่ยวกับ SECity Desktop</translation>
    </message>
    <message>
        <source>SECity Desktop {version}
Framework {fw} ({status})</source>
        <translation>SECity Desktop รุ่น {version}
เกณฑ์ฉบับ {fw} ({status})</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <source>Not ready to mark complete</source>
        <translation>ยังระบุว่ากรอกครบไม่ได้</translation>
    </message>
    <message>
        <source>Before it can be marked complete:</source>
        <translation>ก่อนจะระบุว่ากรอกครบได้ ต้องดำเนินการต่อไปนี้:</translation>
    </message>
    <message>
        <source>Not answered ({n})</source>
        <translation>ยังไม่ได้ตอบ ({n})</translation>
    </message>
    <message>
        <source>Evidence missing ({n})</source>
        <translation>ยังขาดหลักฐาน ({n})</translation>
    </message>
    <message>
        <source>&amp;Go to first</source>
        <translation>ไปที่รายการแรก (&amp;G)</translation>
    </message>
</context>
<context>
    <name>MunicipalityTableModel</name>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Provincial seat</source>
        <translation>เทศบาลที่ตั้งศาลากลางจังหวัด</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>สร้างแบบประเมินใหม่</translation>
    </message>
    <message>
        <source>Type a name in Thai or English, or a code…</source>
        <translation>พิมพ์ชื่อภาษาไทยหรืออังกฤษ หรือรหัส…</translation>
    </message>
    <message>
        <source>&amp;Municipality:</source>
        <translation>เทศบาล (&amp;M):</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>จังหวัด (&amp;P):</translation>
    </message>
    <message>
        <source>Buddhist Era fiscal year (1 October – 30 September)</source>
        <translation>ปีงบประมาณ พ.ศ. (1 ตุลาคม – 30 กันยายน)</translation>
    </message>
    <message>
        <source>Fiscal &amp;year (BE):</source>
        <translation>ปีงบประมาณ พ.ศ. (&amp;Y):</translation>
    </message>
    <message>
        <source>provisional draft — not the official criteria</source>
        <translation>ฉบับร่างชั่วคราว — ไม่ใช่เกณฑ์ทางการ</translation>
    </message>
    <message>
        <source>version</source>
        <translation>ฉบับ</translation>
    </message>
    <message>
        <source>Framework:</source>
        <translation>เกณฑ์ประเมิน:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>สร้าง (&amp;C)</translation>
    </message>
    <message>
        <source>Assessment already exists</source>
        <translation>มีแบบประเมินนี้อยู่แล้ว</translation>
    </message>
    <message>
        <source>{name} already has an assessment for fiscal year {year} under this framework.</source>
        <translation>{name} มีแบบประเมินของปีงบประมาณ {year} ตามเกณฑ์ฉบับนี้อยู่แล้ว</translation>
    </message>
    <message>
        <source>Open the existing assessment instead?</source>
        <translation>ต้องการเปิดแบบประเมินที่มีอยู่แทนหรือไม่</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>เปิดแบบประเมินที่มีอยู่ (&amp;O)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>การตั้งค่า</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>ภาษา (&amp;L):</translation>
    </message>
    <message>
        <source>A new language is used from the next start of SECity Desktop.</source>
        <translation>ภาษาใหม่จะใช้ตั้งแต่การเปิด SECity Desktop ครั้งถัดไป</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Score</source>
        <translation>คะแนน</translation>
    </message>
    <message>
        <source>Mark complete…</source>
        <translation>ยืนยันว่ากรอกครบ…</translation>
    </message>
    <message>
        <source>Check that nothing is missing and mark the assessment complete (Ctrl+Shift+Return)</source>
        <translation>ตรวจว่าไม่มีสิ่งใดขาด แล้วระบุว่าแบบประเมินกรอกครบแล้ว (Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <source>{total} / 100</source>
        <translation>{total} / 100</translation>
    </message>
    <message>
        <source>Below every tier ({points} points short of {tier})</source>
        <translation>ยังไม่ถึงระดับรางวัลใด (ขาดอีก {points} คะแนนจะถึง{tier})</translation>
    </message>
    <message>
        <source>Answered {answered} of {count}</source>
        <translation>ตอบแล้ว {answered} จาก {count} ตัวชี้วัด</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>และอีก {n} รายการ</translation>
    </message>
    <message>
        <source>Not answered:</source>
        <translation>ยังไม่ได้ตอบ:</translation>
    </message>
    <message>
        <source>Evidence missing:</source>
        <translation>ยังขาดหลักฐาน:</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>ครบถ้วน ไม่มีสิ่งใดขาด</translation>
    </message>
</context>
</TS>
