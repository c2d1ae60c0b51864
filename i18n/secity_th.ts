<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SECity Desktop</source>
        <translation>เกี่ยวกับ SECity Desktop</translation>
    </message>
    <message>
        <source>Sustainable Environment City assessment</source>
        <translation>การประเมินเมืองสิ่งแวดล้อมยั่งยืน</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>เกณฑ์ประเมิน</translation>
    </message>
    <message>
        <source>Framework hash</source>
        <translation>รหัสตรวจสอบเกณฑ์</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>เกี่ยวกับ Qt</translation>
    </message>
    <message>
        <source>Copy support information</source>
        <translation>คัดลอกข้อมูลสำหรับฝ่ายสนับสนุน</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>Edit aga&amp;in</source>
        <translation>แก้ไขอีกครั้ง (&amp;I)</translation>
    </message>
    <message>
        <source>Turn this complete assessment back into a draft so that it can be changed</source>
        <translation>เปลี่ยนแบบประเมินที่กรอกครบแล้วกลับเป็นร่างเพื่อให้แก้ไขได้</translation>
    </message>
    <message>
        <source>Go to Send…</source>
        <translation>ไปที่หน้าส่ง…</translation>
    </message>
    <message>
        <source>{author}, {when}</source>
        <translation>{author}, {when}</translation>
    </message>
    <message>
        <source>The reviewer set level {level} instead of {old}</source>
        <translation>ผู้พิจารณาให้ระดับ {level} แทนระดับ {old}</translation>
    </message>
    <message>
        <source>Returned for revision</source>
        <translation>ส่งกลับแก้ไข</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation> (ฉบับร่างชั่วคราว)</translation>
    </message>
    <message>
        <source>fiscal year {year} · framework {version}{note} · {status}</source>
        <translation>ปีงบประมาณ {year} · เกณฑ์ฉบับ {version}{note} · {status}</translation>
    </message>
    <message>
        <source>Received from {assessor}: read-only here; the office changes levels with a review override.</source>
        <translation>ได้รับจาก {assessor}: แสดงแบบอ่านอย่างเดียว สำนักงานเปลี่ยนระดับคะแนนได้ด้วยการปรับระดับในการพิจารณาเท่านั้น</translation>
    </message>
    <message>
        <source>This assessment is complete: it is locked so that no stray key changes it. Choose &quot;Edit again&quot; to change it.</source>
        <translation>แบบประเมินนี้กรอกครบแล้ว จึงล็อกไว้ไม่ให้ถูกแก้ไขโดยกดแป้นพลาด หากต้องการแก้ไข โปรดกด &quot;แก้ไขอีกครั้ง&quot;</translation>
    </message>
    <message>
        <source>This assessment is {status}: it is shown read-only.</source>
        <translation>แบบประเมินนี้อยู่ในสถานะ{status} จึงเปิดดูได้อย่างเดียว แก้ไขไม่ได้</translation>
    </message>
    <message>
        <source>Complete. Next: finalize and sign it, then send it to the province, under Sync › Send.</source>
        <translation>กรอกครบแล้ว ขั้นต่อไป: ยืนยันและลงนาม แล้วส่งให้จังหวัด ได้ที่ รับ–ส่งข้อมูล › ส่ง</translation>
    </message>
    <message>
        <source>Finalized and signed. Next: send it to the province under Sync › Send (export to a USB folder).</source>
        <translation>ยืนยันและลงนามแล้ว ขั้นต่อไป: ส่งให้จังหวัด ได้ที่ รับ–ส่งข้อมูล › ส่ง (ส่งออกไปยังโฟลเดอร์ในแฟลชไดรฟ์)</translation>
    </message>
    <message>
        <source>Read-only here. Next: review it under Review — start the review, change a level with a reason, then approve it or return it.</source>
        <translation>ที่นี่เปิดดูได้อย่างเดียว ขั้นต่อไป: พิจารณาที่หน้า “พิจารณา” — กดเริ่มพิจารณา เปลี่ยนระดับพร้อมระบุเหตุผล แล้วอนุมัติหรือส่งกลับให้แก้ไข</translation>
    </message>
    <message>
        <source>Go to Review…</source>
        <translation>ไปที่หน้าพิจารณา…</translation>
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
        <source>Opening evidence…</source>
        <translation>กำลังเปิดหลักฐาน…</translation>
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
    <name>AuditTrailBox</name>
    <message>
        <source>Audit trail</source>
        <translation>บันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <source>Not checked yet in this session.</source>
        <translation>ยังไม่ได้ตรวจในครั้งนี้</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>ตรวจเดี๋ยวนี้</translation>
    </message>
    <message>
        <source>Checking the audit trail</source>
        <translation>กำลังตรวจบันทึกการตรวจสอบ</translation>
    </message>
    <message>
        <source>Whole: {n} event(s), every hash and link follows; {m} head(s) sent in bundles, all still on the chain.</source>
        <translation>สมบูรณ์: {n} เหตุการณ์ ค่าแฮชและการเชื่อมโยงถูกต้องทุกรายการ หัวสายที่ส่งไปกับชุดข้อมูล {m} รายการยังอยู่ในสายครบ</translation>
    </message>
    <message>
        <source>broken at event {seq} ({problem})</source>
        <translation>ขาดที่เหตุการณ์ลำดับที่ {seq} ({problem})</translation>
    </message>
    <message>
        <source>append-only protection removed ({names})</source>
        <translation>การป้องกันการแก้ไขถูกถอดออก ({names})</translation>
    </message>
    <message>
        <source>event {seq} sent in a bundle is {state}</source>
        <translation>เหตุการณ์ลำดับที่ {seq} ที่แจ้งไปกับชุดข้อมูล: {state}</translation>
    </message>
    <message>
        <source>BROKEN: {what}. Tell your administrator and the office you send bundles to.</source>
        <translation>ไม่สมบูรณ์: {what} โปรดแจ้งผู้ดูแลระบบและสำนักงานที่ท่านส่งชุดข้อมูลไปให้</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up workspace…</source>
        <translation>&amp;สำรองข้อมูลพื้นที่ทำงาน…</translation>
    </message>
    <message>
        <source>&amp;Verify a backup…</source>
        <translation>&amp;ตรวจไฟล์สำรองข้อมูล…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;กู้คืนจากไฟล์สำรองข้อมูล…</translation>
    </message>
    <message>
        <source>Back up the workspace to</source>
        <translation>สำรองข้อมูลพื้นที่ทำงานไปที่</translation>
    </message>
    <message>
        <source>SECity backup (*{suffix})</source>
        <translation>ไฟล์สำรองข้อมูล SECity (*{suffix})</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>เลือกไฟล์สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Restore into which empty folder?</source>
        <translation>กู้คืนลงโฟลเดอร์ว่างใด</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}); nothing was changed. The details are in the log.</source>
        <translation>เกิดข้อผิดพลาด ({kind}) ไม่มีข้อมูลใดถูกเปลี่ยน รายละเอียดอยู่ในไฟล์บันทึก</translation>
    </message>
    <message>
        <source>Backing up the workspace…</source>
        <translation>กำลังสำรองข้อมูลพื้นที่ทำงาน…</translation>
    </message>
    <message>
        <source>The backup was written to {path} ({mb} MB, {n} evidence files).</source>
        <translation>บันทึกไฟล์สำรองข้อมูลไว้ที่ {path} แล้ว ({mb} MB, ไฟล์หลักฐาน {n} ไฟล์)</translation>
    </message>
    <message>
        <source>{d} evidence files are damaged and {m} are missing on this computer; the backup names them.</source>
        <translation>ในเครื่องนี้มีไฟล์หลักฐานเสียหาย {d} ไฟล์ และหายไป {m} ไฟล์ ไฟล์สำรองข้อมูลระบุชื่อไว้แล้ว</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>กำลังตรวจไฟล์สำรองข้อมูล…</translation>
    </message>
    <message>
        <source>The backup is sound: {n} files, every hash matches.</source>
        <translation>ไฟล์สำรองข้อมูลสมบูรณ์: {n} ไฟล์ ค่าแฮชตรงกันทุกไฟล์</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>กำลังกู้คืนข้อมูล…</translation>
    </message>
    <message>
        <source>{n} evidence files listed by assessments were not in the backup.</source>
        <translation>ไฟล์หลักฐาน {n} ไฟล์ที่แบบประเมินอ้างถึงไม่มีอยู่ในไฟล์สำรองข้อมูล</translation>
    </message>
    <message>
        <source>Making today&apos;s backup…</source>
        <translation>กำลังสำรองข้อมูลประจำวัน…</translation>
    </message>
    <message>
        <source>Today&apos;s backup was made: {path}</source>
        <translation>สำรองข้อมูลประจำวันแล้ว: {path}</translation>
    </message>
    <message>
        <source>Restored into {path}: {a} assessments, {e} evidence files.</source>
        <translation>กู้คืนไว้ที่ {path} แล้ว: แบบประเมิน {a} รายการ ไฟล์หลักฐาน {e} ไฟล์</translation>
    </message>
    <message>
        <source>Open the restored workspace now? (This window closes; your current workspace stays as it is.)</source>
        <translation>เปิดพื้นที่ทำงานที่กู้คืนเลยหรือไม่? (หน้าต่างนี้จะปิด พื้นที่ทำงานปัจจุบันยังอยู่เหมือนเดิม)</translation>
    </message>
    <message>
        <source>SECity Desktop could not be started on {path}; start it with that folder as its workspace (--data-dir).</source>
        <translation>เปิด SECity Desktop ที่ {path} ไม่ได้ โปรดเปิดโปรแกรมโดยใช้โฟลเดอร์นั้นเป็นพื้นที่ทำงาน (--data-dir)</translation>
    </message>
    <message>
        <source>The last automatic backup did not happen; see the log.</source>
        <translation>การสำรองข้อมูลอัตโนมัติครั้งล่าสุดไม่ได้เกิดขึ้น โปรดดูไฟล์บันทึก</translation>
    </message>
</context>
<context>
    <name>BeDateEdit</name>
    <message>
        <source>B.E. </source>
        <translation>พ.ศ. </translation>
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
    <name>CandidateTableModel</name>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>ฉบับแก้ไขที่</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>ยืนยันและลงนามเมื่อ</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>หลักฐาน</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>Last sent to</source>
        <translation>ส่งล่าสุดให้</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ยังไม่ส่ง</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n} ครั้ง</translation>
    </message>
</context>
<context>
    <name>CertificateVerifyBox</name>
    <message>
        <source>Verify a certificate</source>
        <translation>ตรวจสอบเกียรติบัตร</translation>
    </message>
    <message>
        <source>Paste the QR code&apos;s text (SECITY-CERT1:…)</source>
        <translation>วางข้อความจากคิวอาร์โค้ด (SECITY-CERT1:…)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>เปิดไฟล์ PDF…</translation>
    </message>
    <message>
        <source>Also trust keys enrolled in this workspace</source>
        <translation>เชื่อถือกุญแจที่ลงทะเบียนในพื้นที่ทำงานนี้ด้วย</translation>
    </message>
    <message>
        <source>Certificate PDF</source>
        <translation>ไฟล์ PDF เกียรติบัตร</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This workspace trusts no signing key yet.</source>
        <translation>พื้นที่ทำงานนี้ยังไม่เชื่อถือกุญแจลงนามใดเลย</translation>
    </message>
    <message>
        <source>NOT GENUINE: {reason}</source>
        <translation>ไม่ใช่ของแท้: {reason}</translation>
    </message>
    <message>
        <source>GENUINE: {number} — {name} ({code}), {tier}, fiscal year {year}, issued {date}; signed by {signer} ({fingerprint})</source>
        <translation>ของแท้: {number} — {name} ({code}), {tier}, ปีงบประมาณ {year}, ออกเมื่อ {date}; ลงนามโดย {signer} ({fingerprint})</translation>
    </message>
</context>
<context>
    <name>ClaimBanner</name>
    <message>
        <source>signed by {name}</source>
        <translation>ลงนามโดย {name}</translation>
    </message>
    <message>
        <source>unsigned spreadsheet, entered by {name}</source>
        <translation>ไฟล์ตาราง ไม่ได้ลงนาม บันทึกโดย {name}</translation>
    </message>
    <message>
        <source>The municipality&apos;s self-assessment ({source}) uses another framework version; it is not compared.</source>
        <translation>แบบประเมินตนเองของเทศบาล ({source}) ใช้เกณฑ์ต่างรุ่นกัน จึงไม่นำมาเปรียบเทียบ</translation>
    </message>
    <message>
        <source>Municipality&apos;s self-assessment ({source}): claimed {claimed:.2f}, verified {verified:.2f} (gap {gap:+.2f}); {n} indicator(s) disagree.</source>
        <translation>แบบประเมินตนเองของเทศบาล ({source}): ประเมินตนเอง {claimed:.2f} ผลตรวจประเมิน {verified:.2f} (ต่างกัน {gap:+.2f}) ระดับไม่ตรงกัน {n} ตัวชี้วัด</translation>
    </message>
</context>
<context>
    <name>ClaimBox</name>
    <message>
        <source>Municipality&apos;s self-assessment</source>
        <translation>การประเมินตนเองของเทศบาล</translation>
    </message>
    <message>
        <source>The municipality did not answer this indicator.</source>
        <translation>เทศบาลไม่ได้ประเมินตัวชี้วัดนี้</translation>
    </message>
    <message>
        <source>Claimed level {level}: {text}</source>
        <translation>เทศบาลประเมินตนเองระดับ {level}: {text}</translation>
    </message>
    <message>
        <source>Differs from the level chosen here ({chosen}).</source>
        <translation>ไม่ตรงกับระดับที่เลือกไว้ที่นี่ ({chosen})</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>หมายเหตุ: {note}</translation>
    </message>
    <message>
        <source>Evidence: {files}</source>
        <translation>หลักฐาน: {files}</translation>
    </message>
    <message>
        <source>Made under another framework version: shown, not compared.</source>
        <translation>ทำตามเกณฑ์ต่างรุ่น: แสดงไว้แต่ไม่เปรียบเทียบ</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ลักษณะ</translation>
    </message>
    <message>
        <source>Newly imported</source>
        <translation>ฉบับที่นำเข้าใหม่</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>ฉบับที่มีอยู่แล้ว</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>พบเมื่อ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>revision {n} · {status} · {who} · {when}</source>
        <translation>ฉบับแก้ไขที่ {n} · {status} · {who} · {when}</translation>
    </message>
    <message>
        <source>signed with {key}</source>
        <translation>ลงนามด้วยกุญแจ {key}</translation>
    </message>
    <message>
        <source>both revise the same revision</source>
        <translation>แก้ไขจากฉบับเดียวกันทั้งคู่</translation>
    </message>
    <message>
        <source>two first assessments</source>
        <translation>แบบประเมินฉบับแรกสองฉบับ</translation>
    </message>
    <message>
        <source>waiting for a decision</source>
        <translation>รอการตัดสินใจ</translation>
    </message>
    <message>
        <source>newly imported</source>
        <translation>ฉบับที่นำเข้าใหม่</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>ฉบับที่มีอยู่แล้ว</translation>
    </message>
    <message>
        <source>kept the {which} ({when})</source>
        <translation>ใช้{which} ({when})</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Two revisions claim the same municipality and year. Both were kept; choose the one that stands and say why. The other stays in the store, set aside.</source>
        <translation>มีแบบประเมินสองฉบับสำหรับเทศบาลและปีเดียวกัน ระบบเก็บไว้ทั้งสองฉบับ โปรดเลือกฉบับที่ใช้และระบุเหตุผล อีกฉบับยังเก็บไว้แต่จะไม่นำมาใช้</translation>
    </message>
    <message>
        <source>Show resolved ones too</source>
        <translation>แสดงรายการที่ตัดสินแล้วด้วย</translation>
    </message>
    <message>
        <source>Keep the newly imported…</source>
        <translation>ใช้ฉบับที่นำเข้าใหม่…</translation>
    </message>
    <message>
        <source>Keep the one already here…</source>
        <translation>ใช้ฉบับที่มีอยู่แล้ว…</translation>
    </message>
    <message>
        <source>Resolve conflict {n}</source>
        <translation>ตัดสินรายการซ้ำซ้อนที่ {n}</translation>
    </message>
    <message>
        <source>Why does revision {rev} ({id}) stand? The reason is kept in the audit log.</source>
        <translation>เหตุใดจึงใช้ฉบับแก้ไขที่ {rev} ({id}) เหตุผลจะบันทึกไว้ในประวัติการแก้ไข</translation>
    </message>
    <message>
        <source>Conflict not resolved</source>
        <translation>ยังตัดสินรายการซ้ำซ้อนไม่ได้</translation>
    </message>
</context>
<context>
    <name>CoveragePlace</name>
    <message>
        <source>All region offices</source>
        <translation>ทุกสำนักงานสิ่งแวดล้อมภาค</translation>
    </message>
    <message>
        <source>Region office {n}</source>
        <translation>สสภ. {n}</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Region office</source>
        <translation>สำนักงานสิ่งแวดล้อมภาค</translation>
    </message>
    <message>
        <source>seat town not approved yet, or no model town chosen</source>
        <translation>เทศบาลที่ตั้งศาลากลางยังไม่ได้รับอนุมัติ หรือยังไม่ได้เลือกเมืองต้นแบบ</translation>
    </message>
    <message>
        <source>grey: nothing received for this year yet</source>
        <translation>สีเทา: ยังไม่ได้รับผลของปีนี้</translation>
    </message>
    <message>
        <source>No assessments yet. Import the provinces&apos; upward bundles under Sync.</source>
        <translation>ยังไม่มีแบบประเมิน นำเข้าแฟ้มชุดข้อมูลที่จังหวัดส่งขึ้นมาได้ที่แท็บรับ–ส่งข้อมูล</translation>
    </message>
    <message>
        <source>Fiscal year {year}: seat town approved in {seat} of {all} provinces; model town chosen in {towns}; {reporting} province(s) reporting.</source>
        <translation>ปีงบประมาณ {year}: เทศบาลที่ตั้งศาลากลางได้รับอนุมัติแล้ว {seat} จาก {all} จังหวัด · เลือกเมืองต้นแบบแล้ว {towns} จังหวัด · ส่งผลมาแล้ว {reporting} จังหวัด</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Region office</source>
        <translation>สสภ.</translation>
    </message>
    <message>
        <source>Seat town</source>
        <translation>เทศบาลที่ตั้งศาลากลาง</translation>
    </message>
    <message>
        <source>Seat status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Seat total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <source>Seat tier</source>
        <translation>ระดับรางวัล</translation>
    </message>
    <message>
        <source>Approved / municipalities</source>
        <translation>อนุมัติ / ทั้งหมด</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>เมืองต้นแบบ</translation>
    </message>
    <message>
        <source>Municipalities with an approved assessment for the year, of those listed</source>
        <translation>จำนวนเทศบาลที่แบบประเมินปีนี้ได้รับอนุมัติ จากเทศบาลทั้งหมดในรายชื่อ</translation>
    </message>
    <message>
        <source>Of the seat town&apos;s assessment for the year</source>
        <translation>ของแบบประเมินปีนี้ของเทศบาลที่ตั้งศาลากลางจังหวัด</translation>
    </message>
    <message>
        <source>seat town not approved</source>
        <translation>เทศบาลที่ตั้งศาลากลางยังไม่ได้รับอนุมัติ</translation>
    </message>
    <message>
        <source>no model town</source>
        <translation>ยังไม่ได้เลือกเมืองต้นแบบ</translation>
    </message>
    <message>
        <source>nothing received for this year yet</source>
        <translation>ยังไม่ได้รับผลของปีนี้</translation>
    </message>
    <message>
        <source>seat town approved; model town chosen</source>
        <translation>เทศบาลที่ตั้งศาลากลางได้รับอนุมัติแล้ว และเลือกเมืองต้นแบบแล้ว</translation>
    </message>
    <message>
        <source>No result received</source>
        <translation>ยังไม่ได้รับผล</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>SECity Desktop — unexpected error</source>
        <translation>SECity Desktop — ข้อผิดพลาดที่ไม่คาดคิด</translation>
    </message>
    <message>
        <source>Something unexpected went wrong in SECity Desktop.</source>
        <translation>เกิดข้อผิดพลาดที่ไม่คาดคิดใน SECity Desktop</translation>
    </message>
    <message>
        <source>The workspace store reported an error. Please close SECity Desktop and start it again; if it happens again, make a backup (File → Back up workspace…) and ask for help.</source>
        <translation>ที่เก็บข้อมูลของพื้นที่ทำงานแจ้งข้อผิดพลาด โปรดปิด SECity Desktop แล้วเปิดใหม่ หากยังเกิดอีก ให้สำรองข้อมูล (แฟ้ม → สำรองข้อมูลพื้นที่ทำงาน…) แล้วขอความช่วยเหลือ</translation>
    </message>
    <message>
        <source>Nothing was lost: every change you make is saved as you make it. The action you were doing did not finish; you can carry on working.</source>
        <translation>ไม่มีข้อมูลใดสูญหาย: ทุกการแก้ไขถูกบันทึกทันทีที่ทำ งานที่กำลังทำอยู่ไม่เสร็จ แต่ทำงานต่อได้ตามปกติ</translation>
    </message>
    <message>
        <source>Your last few seconds of typing in the note may not have been saved; please check the note. Everything else is saved.</source>
        <translation>ข้อความที่พิมพ์ในบันทึกไม่กี่วินาทีล่าสุดอาจยังไม่ถูกบันทึก โปรดตรวจบันทึกอีกครั้ง ส่วนอื่นทั้งหมดบันทึกแล้ว</translation>
    </message>
    <message>
        <source>A report for the support team was saved to:
{path}</source>
        <translation>บันทึกรายงานสำหรับทีมสนับสนุนไว้ที่:
{path}</translation>
    </message>
    <message>
        <source>The report could not be saved; use Copy report instead.</source>
        <translation>บันทึกรายงานไม่ได้ โปรดใช้ปุ่มคัดลอกรายงานแทน</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;คัดลอกรายงาน</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;ทำงานต่อ</translation>
    </message>
</context>
<context>
    <name>DashboardPlace</name>
    <message>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>ยังไม่ได้ประเมิน</translation>
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
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Set as model town…</source>
        <translation>กำหนดเป็นเมืองต้นแบบ…</translation>
    </message>
    <message>
        <source>Export for Excel…</source>
        <translation>ส่งออกสำหรับ Excel…</translation>
    </message>
    <message>
        <source>Assessments (one row each, with scores)</source>
        <translation>ผลการประเมิน (หนึ่งแถวต่อการประเมิน พร้อมคะแนน)</translation>
    </message>
    <message>
        <source>Indicator responses</source>
        <translation>คำตอบรายตัวชี้วัด</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>บันทึกการเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>ล่าสุด</translation>
    </message>
    <message>
        <source>Assessed {assessed} of {all} municipalities ({percent:.1f}%) · approved {approved}</source>
        <translation>ประเมินแล้ว {assessed} จาก {all} เทศบาล ({percent:.1f}%) · อนุมัติแล้ว {approved}</translation>
    </message>
    <message>
        <source>Model town {year}: {name} — {reason}</source>
        <translation>เมืองต้นแบบปี {year}: {name} — {reason}</translation>
    </message>
    <message>
        <source>below every tier {count}</source>
        <translation>ไม่ถึงระดับรางวัล {count}</translation>
    </message>
    <message>
        <source>average total {average:.2f}</source>
        <translation>คะแนนรวมเฉลี่ย {average:.2f}</translation>
    </message>
    <message>
        <source>Only a town whose approved assessment reaches a tier can be the model town.</source>
        <translation>เลือกเป็นเมืองต้นแบบได้เฉพาะเทศบาลที่แบบประเมินได้รับอนุมัติและผ่านเกณฑ์ระดับใดระดับหนึ่ง</translation>
    </message>
    <message>
        <source>Year over year</source>
        <translation>เทียบรายปี</translation>
    </message>
    <message>
        <source>Export for Excel</source>
        <translation>ส่งออกสำหรับ Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV แบบ UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {rows} rows to {path}</source>
        <translation>เขียน {rows} แถวลงใน {path} แล้ว</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>กำลังส่งออก</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>เมืองต้นแบบ</translation>
    </message>
    <message>
        <source>Choose {name} as the model town for {year}? Write the reason (required).</source>
        <translation>เลือก {name} เป็นเมืองต้นแบบของปี {year} หรือไม่ กรุณาระบุเหตุผล (จำเป็น)</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>ยังไม่ได้ดำเนินการ</translation>
    </message>
</context>
<context>
    <name>DashboardTableModel</name>
    <message>
        <source>Comp. {code}</source>
        <translation>องค์ฯ {code}</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>อันดับ</translation>
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
        <source>Status</source>
        <translation>สถานะ</translation>
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
        <source>Change</source>
        <translation>เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Component {code} score</source>
        <translation>คะแนนองค์ประกอบที่ {code}</translation>
    </message>
    <message>
        <source>Change of the total from the previous fiscal year</source>
        <translation>คะแนนรวมที่เปลี่ยนจากปีงบประมาณก่อน</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>ยังไม่ได้ประเมิน</translation>
    </message>
</context>
<context>
    <name>EnrolKeyDialog</name>
    <message>
        <source>Enrol key</source>
        <translation>ลงทะเบียนกุญแจ</translation>
    </message>
    <message>
        <source>{file} was signed with this key, which is not enrolled here. Enrol it only if {owner} reads you the same fingerprint (by phone, or from the QR code on their key page); the bundle&apos;s own claim proves nothing.</source>
        <translation>{file} ลงนามด้วยกุญแจนี้ ซึ่งยังไม่ได้ลงทะเบียนที่นี่ ลงทะเบียนเฉพาะเมื่อ{owner}อ่านลายนิ้วมือกุญแจให้ฟังแล้วตรงกัน (ทางโทรศัพท์ หรือจากคิวอาร์โค้ดในหน้ากุญแจของผู้ส่ง) สิ่งที่ชุดข้อมูลระบุมาเองพิสูจน์อะไรไม่ได้</translation>
    </message>
    <message>
        <source>Enrol this key only if {owner} reads you the same fingerprint (by phone, or from the QR code on their key page).</source>
        <translation>ลงทะเบียนกุญแจนี้เฉพาะเมื่อ{owner}อ่านลายนิ้วมือกุญแจให้ฟังแล้วตรงกัน (ทางโทรศัพท์ หรือจากคิวอาร์โค้ดในหน้ากุญแจของผู้ส่ง)</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>ลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>type what the sender reads out (or its last 8 characters)</source>
        <translation>พิมพ์ตามที่ผู้ส่งอ่านให้ฟัง (หรือ 8 ตัวสุดท้าย)</translation>
    </message>
    <message>
        <source>Read out by the sender</source>
        <translation>ผู้ส่งอ่านให้ฟัง</translation>
    </message>
    <message>
        <source>I compared the fingerprint with the sender: it is the same</source>
        <translation>เทียบลายนิ้วมือกุญแจกับผู้ส่งแล้ว ตรงกัน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>ลงทะเบียน</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>✓ The same fingerprint.</source>
        <translation>✓ ลายนิ้วมือกุญแจตรงกัน</translation>
    </message>
    <message>
        <source>✗ Not the same: do not enrol this key. Ask the sender to send the key file or the bundle again.</source>
        <translation>✗ ไม่ตรงกัน อย่าลงทะเบียนกุญแจนี้ ขอให้ผู้ส่งส่งไฟล์กุญแจหรือชุดข้อมูลมาใหม่</translation>
    </message>
</context>
<context>
    <name>EvidenceImporter</name>
    <message>
        <source>Copying evidence into the workspace…</source>
        <translation>กำลังคัดลอกหลักฐานเข้าพื้นที่ทำงาน…</translation>
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
    <name>ExportPage</name>
    <message>
        <source>Finalize and sign…</source>
        <translation>ยืนยันและลงนาม…</translation>
    </message>
    <message>
        <source>Select everything not yet sent</source>
        <translation>เลือกทุกรายการที่ยังไม่ได้ส่ง</translation>
    </message>
    <message>
        <source>Sign and export…</source>
        <translation>ลงนามและส่งออก…</translation>
    </message>
    <message>
        <source>Encrypt to the province office&apos;s key (recommended)</source>
        <translation>เข้ารหัสถึงกุญแจของสำนักงานจังหวัด (แนะนำ)</translation>
    </message>
    <message>
        <source>A lost USB stick then shows nothing. Untick only if the office asked for an unencrypted bundle; the choice is recorded.</source>
        <translation>หาก USB หาย ผู้อื่นจะเปิดดูข้อมูลไม่ได้ ยกเลิกเฉพาะเมื่อสำนักงานขอชุดข้อมูลแบบไม่เข้ารหัส ระบบจะบันทึกการเลือกนี้ไว้</translation>
    </message>
    <message>
        <source>Complete, not yet finalized: {n}</source>
        <translation>กรอกครบแต่ยังไม่ยืนยัน: {n}</translation>
    </message>
    <message>
        <source>You have no signing key yet: create it under “My signing key”, then finalize and send here.</source>
        <translation>ยังไม่มีกุญแจลงนาม สร้างกุญแจได้ที่ “กุญแจลงนามของฉัน” แล้วจึงยืนยันและส่งได้ที่หน้านี้</translation>
    </message>
    <message>
        <source>Nothing to send yet. Fill in an assessment and mark it complete (Assessments › Mark complete…); it then appears here to finalize and sign, and then to export to a folder or USB stick for the province.</source>
        <translation>ยังไม่มีสิ่งที่จะส่ง กรอกแบบประเมินให้ครบแล้วกด “ยืนยันว่ากรอกครบ…” (แบบประเมิน) แบบประเมินนั้นจะปรากฏที่นี่เพื่อยืนยันและลงนาม แล้วส่งออกไปยังโฟลเดอร์หรือแฟลชไดรฟ์ให้จังหวัด</translation>
    </message>
    <message>
        <source>1. Finalize and sign each complete assessment (above). 2. Tick what to send below and choose “Sign and export…” to write a bundle to a folder or USB stick. 3. Give the file to your provincial office.</source>
        <translation>1. ยืนยันและลงนามแบบประเมินที่กรอกครบแล้ว (ด้านบน) 2. เลือกรายการที่จะส่งด้านล่าง แล้วกด “ลงนามและส่งออก…” เพื่อเขียนชุดข้อมูลลงโฟลเดอร์หรือแฟลชไดรฟ์ 3. นำไฟล์ไปให้สำนักงานจังหวัด</translation>
    </message>
    <message>
        <source>Passphrase to finalize and sign {name}. A finalized assessment can no longer be edited; changes make a new revision.</source>
        <translation>รหัสผ่านเพื่อยืนยันและลงนาม {name} เมื่อยืนยันแล้วจะแก้ไขการประเมินไม่ได้อีก การเปลี่ยนแปลงจะสร้างฉบับแก้ไขใหม่</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>ยังไม่ได้เลือกรายการ</translation>
    </message>
    <message>
        <source>{n} revision(s), about {size}</source>
        <translation>{n} ฉบับ ขนาดประมาณ {size}</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>บันทึกแฟ้มชุดข้อมูล</translation>
    </message>
    <message>
        <source>SECity bundle (*.secbundle)</source>
        <translation>แฟ้มชุดข้อมูล SECity (*.secbundle)</translation>
    </message>
    <message>
        <source>Passphrase to sign {n} revision(s)</source>
        <translation>รหัสผ่านสำหรับลงนาม {n} ฉบับ</translation>
    </message>
    <message>
        <source>Writing bundle…</source>
        <translation>กำลังเขียนแฟ้มชุดข้อมูล…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>กำลังส่งออก</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}, {n} revision(s)).
SHA-256 {sha}</source>
        <translation>บันทึก {path} แล้ว ({size}, {n} ฉบับ)
SHA-256 {sha}</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>ไม่ได้เขียนแฟ้มชุดข้อมูล</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <source>SECity Desktop — first start</source>
        <translation>SECity Desktop — เริ่มใช้งานครั้งแรก</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>ถัดไป &gt; (&amp;N)</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; ย้อนกลับ (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Start working</source>
        <translation>เริ่มทำงาน (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
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
        <translation>เกณฑ์ฉบับร่างชั่วคราว: ถ้อยคำตัวชี้วัดและเกณฑ์คะแนนเป็นฉบับร่าง ไม่ใช่เกณฑ์ทางการ</translation>
    </message>
    <message>
        <source>version</source>
        <translation>ฉบับ</translation>
    </message>
    <message>
        <source>Weight: {w}% of the total</source>
        <translation>น้ำหนัก {w}% ของคะแนนรวม</translation>
    </message>
    <message>
        <source>Choose an indicator to see its levels and the evidence each needs.</source>
        <translation>เลือกตัวชี้วัดเพื่อดูระดับคะแนนและหลักฐานที่แต่ละระดับต้องใช้</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>หลักฐาน</translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <source>For everyone</source>
        <translation>สำหรับทุกคน</translation>
    </message>
    <message>
        <source>Field assessor</source>
        <translation>ผู้ประเมินภาคสนาม</translation>
    </message>
    <message>
        <source>Provincial office</source>
        <translation>สำนักงานจังหวัด</translation>
    </message>
    <message>
        <source>Regional and national offices</source>
        <translation>สำนักงานภาคและส่วนกลาง</translation>
    </message>
    <message>
        <source>User guide — SECity Desktop</source>
        <translation>คู่มือการใช้งาน — SECity Desktop</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>สารบัญ</translation>
    </message>
    <message>
        <source>Print / save as PDF…</source>
        <translation>พิมพ์ / บันทึกเป็น PDF…</translation>
    </message>
    <message>
        <source>The whole guide as a printable PDF</source>
        <translation>คู่มือทั้งเล่มเป็นไฟล์ PDF สำหรับพิมพ์</translation>
    </message>
    <message>
        <source>SECity user guide.pdf</source>
        <translation>คู่มือการใช้งาน SECity.pdf</translation>
    </message>
    <message>
        <source>Save the guide as PDF</source>
        <translation>บันทึกคู่มือเป็น PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ไฟล์ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>กำลังสร้าง PDF…</translation>
    </message>
    <message>
        <source>Written: {path} ({pages} pages)</source>
        <translation>บันทึกแล้ว: {path} ({pages} หน้า)</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>ดำเนินการไม่สำเร็จ: {reason}</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>คู่มือการใช้งาน (&amp;U)</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>ผู้ส่ง</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>ปรับปรุง</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>ขัดแย้ง</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>นำเข้าแล้ว</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>ไม่มีข้อมูลใหม่</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>ปฏิเสธ</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Drop .secbundle files here (or add them), check them, then apply. Nothing changes until you apply; a refused file is kept in quarantine with its reason.</source>
        <translation>ลากแฟ้ม .secbundle มาวางที่นี่ (หรือเพิ่มแฟ้ม) ตรวจสอบ แล้วจึงนำเข้า ข้อมูลจะยังไม่เปลี่ยนจนกว่าจะกดนำเข้า แฟ้มที่ถูกปฏิเสธจะถูกกักไว้พร้อมเหตุผล</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>เพิ่มแฟ้ม…</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>ตรวจสอบ (ทดลอง)</translation>
    </message>
    <message>
        <source>Apply import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Enrol this sender…</source>
        <translation>ลงทะเบียนผู้ส่งนี้…</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>แฟ้มชุดข้อมูลที่จะนำเข้า</translation>
    </message>
    <message>
        <source>SECity bundles (*.secbundle *.age);;All files (*)</source>
        <translation>ชุดข้อมูล SECity (*.secbundle *.age);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Passphrase of this workspace&apos;s key, to open the encrypted bundle(s)</source>
        <translation>รหัสผ่านของกุญแจพื้นที่ทำงานนี้ เพื่อเปิดชุดข้อมูลที่เข้ารหัสไว้</translation>
    </message>
    <message>
        <source>Dry run — nothing changed yet: {add} to add, {update} to update, {skip} already here, {conflict} in conflict, {reviews} review(s) to apply, {rejected} refused.</source>
        <translation>ผลการทดลอง — ยังไม่มีการเปลี่ยนแปลง: เพิ่ม {add} ปรับปรุง {update} มีอยู่แล้ว {skip} ขัดแย้ง {conflict} ผลการพิจารณาที่จะนำไปใช้ {reviews} ถูกปฏิเสธ {rejected}</translation>
    </message>
    <message>
        <source>{n} stale replay(s): older than what is here, recorded only.</source>
        <translation>ส่งซ้ำฉบับเก่า {n} รายการ: เก่ากว่าฉบับที่มีอยู่ บันทึกไว้เท่านั้น</translation>
    </message>
    <message>
        <source>A key statement in {file} was not applied: {why}</source>
        <translation>เอกสารแจ้งกุญแจใน {file} ไม่ได้นำไปใช้: {why}</translation>
    </message>
    <message>
        <source>Key change for {holder} will be applied: {old} → {new}</source>
        <translation>จะย้ายการลงทะเบียนของ {holder} ไปที่กุญแจใหม่: {old} → {new}</translation>
    </message>
    <message>
        <source>{file} is signed by {fingerprint} before that key was replaced or revoked; accepted within the grace — ask the sender if you did not expect it.</source>
        <translation>{file} ลงนามด้วยกุญแจ {fingerprint} ก่อนที่กุญแจนี้จะถูกเปลี่ยนหรือเพิกถอน จึงรับไว้ในช่วงผ่อนผัน — หากไม่คาดว่าจะได้รับ โปรดสอบถามผู้ส่ง</translation>
    </message>
    <message>
        <source>{file} was refused: {why}</source>
        <translation>{file} ถูกปฏิเสธ: {why}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ไม่มีชื่อ)</translation>
    </message>
    <message>
        <source>The bundle says it comes from {who}, key fingerprint {fp}.</source>
        <translation>ชุดข้อมูลระบุว่าส่งมาจาก {who} ลายนิ้วมือกุญแจ {fp}</translation>
    </message>
    <message>
        <source>If this sender is expected, choose “Enrol this sender…”, compare the fingerprint with them, then check the bundle again.</source>
        <translation>หากเป็นผู้ส่งที่รอรับอยู่ ให้กด “ลงทะเบียนผู้ส่งนี้…” เทียบลายนิ้วมือกุญแจกับผู้ส่ง แล้วระบบจะตรวจชุดข้อมูลอีกครั้ง</translation>
    </message>
    <message>
        <source>the office</source>
        <translation>สำนักงาน</translation>
    </message>
    <message>
        <source>the assessor</source>
        <translation>ผู้ประเมิน</translation>
    </message>
    <message>
        <source>the provincial office</source>
        <translation>สำนักงานจังหวัด</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>กำลังนำเข้า</translation>
    </message>
    <message>
        <source>Imported: {add} added, {update} updated, {skip} already here, {conflict} conflicts kept for review, {reviews} review(s) applied; {rejected} file(s) refused and quarantined.</source>
        <translation>นำเข้าแล้ว: เพิ่ม {add} ปรับปรุง {update} มีอยู่แล้ว {skip} ขัดแย้ง {conflict} (เก็บไว้พิจารณา) นำผลการพิจารณาไปใช้ {reviews} รายการ แฟ้มถูกปฏิเสธและกักไว้ {rejected} แฟ้ม</translation>
    </message>
    <message>
        <source>Checking bundles</source>
        <translation>กำลังตรวจสอบแฟ้มชุดข้อมูล</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>update</source>
        <translation>ปรับปรุง</translation>
    </message>
    <message>
        <source>same</source>
        <translation>เหมือนเดิม</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>ต้องชี้ขาด</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>ไม่รับ</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>department code</source>
        <translation>รหัสของกรม</translation>
    </message>
    <message>
        <source>district</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>seat town</source>
        <translation>เมืองศูนย์กลางจังหวัด</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import the register of local governments</source>
        <translation>นำเข้าทะเบียนองค์กรปกครองส่วนท้องถิ่น</translation>
    </message>
    <message>
        <source>Import past results</source>
        <translation>นำเข้าผลรางวัลปีที่ผ่านมา</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>ยังไม่ได้เลือกไฟล์</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Settle the row…</source>
        <translation>ชี้ขาดแถวนี้…</translation>
    </message>
    <message>
        <source>Say which record an ambiguous row is, or add or skip it</source>
        <translation>ระบุว่าแถวที่ต้องชี้ขาดคือรายการใด หรือเพิ่มเป็นรายการใหม่ หรือข้าม</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>ตารางคำนวณ (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Imported: {counts}</source>
        <translation>นำเข้าแล้ว: {counts}</translation>
    </message>
    <message>
        <source>refused rows must be corrected in the file, ambiguous rows settled, before Apply</source>
        <translation>ต้องแก้แถวที่ไม่รับในไฟล์ และชี้ขาดแถวที่ต้องชี้ขาดก่อน จึงจะนำเข้าได้</translation>
    </message>
    <message>
        <source>Add it as a new record</source>
        <translation>เพิ่มเป็นรายการใหม่</translation>
    </message>
    <message>
        <source>Skip this row</source>
        <translation>ข้ามแถวนี้</translation>
    </message>
    <message>
        <source>Undo my choice for this row</source>
        <translation>ยกเลิกการชี้ขาดของแถวนี้</translation>
    </message>
    <message>
        <source>Settle line {line}</source>
        <translation>ชี้ขาดบรรทัด {line}</translation>
    </message>
    <message>
        <source>Which record is line {line}?</source>
        <translation>บรรทัด {line} คือรายการใด</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>ไม่ได้นำเข้า</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Reviewer&apos;s comments</source>
        <translation>ความเห็นของผู้พิจารณา</translation>
    </message>
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
    <message>
        <source>Reviewer&apos;s comments: {n}</source>
        <translation>ความเห็นของผู้พิจารณา: {n} รายการ</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Assessor profile</source>
        <translation>ข้อมูลผู้ประเมิน</translation>
    </message>
    <message>
        <source>Office profile</source>
        <translation>ข้อมูลสำนักงาน</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Province code</source>
        <translation>รหัสจังหวัด</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>บันทึกข้อมูล</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>กุญแจลงนาม</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>ลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>กุญแจสาธารณะ</translation>
    </message>
    <message>
        <source>Create signing key…</source>
        <translation>สร้างกุญแจลงนาม…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>เปลี่ยนรหัสผ่าน…</translation>
    </message>
    <message>
        <source>Export public key…</source>
        <translation>ส่งออกกุญแจสาธารณะ…</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>เปลี่ยนกุญแจ…</translation>
    </message>
    <message>
        <source>Make a new signing key and a rotation statement signed by the old and new keys; give the statement to your office so your enrolment moves to the new key.</source>
        <translation>สร้างกุญแจลงนามใหม่พร้อมหนังสือแจ้งเปลี่ยนกุญแจที่ลงนามด้วยกุญแจเดิมและกุญแจใหม่ แล้วส่งหนังสือนั้นให้สำนักงานเพื่อย้ายการลงทะเบียนไปยังกุญแจใหม่</translation>
    </message>
    <message>
        <source>No signing key yet. Create one to sign the bundles this office sends (returns to assessors, results upward); it is protected by a passphrase only you know.</source>
        <translation>ยังไม่มีกุญแจลงนาม สร้างกุญแจเพื่อลงนามแฟ้มชุดข้อมูลที่สำนักงานส่ง (ส่งกลับให้ผู้ประเมินแก้ไข และส่งผลขึ้นไปยังภาคและส่วนกลาง) กุญแจจะถูกป้องกันด้วยรหัสผ่านที่คุณรู้เพียงคนเดียว</translation>
    </message>
    <message>
        <source>No signing key yet. Create one to finalize and send assessments; it is protected by a passphrase only you know.</source>
        <translation>ยังไม่มีกุญแจลงนาม สร้างกุญแจเพื่อยืนยันและส่งแบบประเมิน กุญแจจะถูกป้องกันด้วยรหัสผ่านที่คุณรู้เพียงคนเดียว</translation>
    </message>
    <message>
        <source>Give your assessors and the regional office this office&apos;s public key (file or QR) and read the fingerprint to them so they can check it.</source>
        <translation>มอบกุญแจสาธารณะของสำนักงาน (แฟ้มหรือคิวอาร์โค้ด) ให้ผู้ประเมินและสำนักงานสิ่งแวดล้อมภาค และอ่านลายนิ้วมือกุญแจให้ตรวจสอบ</translation>
    </message>
    <message>
        <source>Give the office your public key (file or QR) and read the fingerprint to them so they can check it.</source>
        <translation>มอบกุญแจสาธารณะ (แฟ้มหรือคิวอาร์โค้ด) ให้สำนักงาน และอ่านลายนิ้วมือกุญแจให้เจ้าหน้าที่ตรวจสอบ</translation>
    </message>
    <message>
        <source>Choose a passphrase for your new signing key (at least 8 characters).</source>
        <translation>ตั้งรหัสผ่านสำหรับกุญแจลงนามใหม่ (อย่างน้อย 8 ตัวอักษร)</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>รหัสผ่านปัจจุบัน</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>รหัสผ่านไม่ถูกต้อง กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source>New passphrase (at least 8 characters)</source>
        <translation>รหัสผ่านใหม่ (อย่างน้อย 8 ตัวอักษร)</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>เปลี่ยนรหัสผ่านแล้ว</translation>
    </message>
    <message>
        <source>Current passphrase (the old key signs the change)</source>
        <translation>รหัสผ่านปัจจุบัน (กุญแจเดิมจะลงนามรับรองการเปลี่ยน)</translation>
    </message>
    <message>
        <source>Passphrase for the new key (at least 8 characters)</source>
        <translation>รหัสผ่านของกุญแจใหม่ (อย่างน้อย 8 ตัวอักษร)</translation>
    </message>
    <message>
        <source>Folder for the rotation statement</source>
        <translation>โฟลเดอร์สำหรับเก็บหนังสือแจ้งเปลี่ยนกุญแจ</translation>
    </message>
    <message>
        <source>New key {fp}. Give the statement {file} to your office; until it is applied there, bundles you sign with the new key are refused.</source>
        <translation>กุญแจใหม่ {fp} โปรดส่งหนังสือ {file} ให้สำนักงาน จนกว่าสำนักงานจะนำไปใช้ ชุดข้อมูลที่ลงนามด้วยกุญแจใหม่จะถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>ส่งออกกุญแจสาธารณะ</translation>
    </message>
    <message>
        <source>Public key (*.pub)</source>
        <translation>กุญแจสาธารณะ (*.pub)</translation>
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
    <message>
        <source>Municipality&apos;s claim</source>
        <translation>เทศบาลประเมินตนเอง</translation>
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
        <source>Municipalities</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>เกณฑ์ประเมิน</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>รับ–ส่งข้อมูล</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <source>(demo data)</source>
        <translation>(ข้อมูลสาธิต)</translation>
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
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>No assessments yet: start one with “New assessment…”.</source>
        <translation>ยังไม่มีแบบประเมิน เริ่มได้ที่ “สร้างแบบประเมินใหม่…”</translation>
    </message>
    <message>
        <source>Nothing here yet. Assessments reach this office in signed bundles: import the bundles you receive under Sync › Receive (import).</source>
        <translation>ยังไม่มีข้อมูล แบบประเมินมาถึงสำนักงานนี้เป็นชุดข้อมูลที่ลงนามแล้ว นำเข้าชุดข้อมูลที่ได้รับได้ที่ รับ–ส่งข้อมูล › รับ (นำเข้า)</translation>
    </message>
    <message>
        <source>Import a bundle…</source>
        <translation>นำเข้าชุดข้อมูล…</translation>
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
        <source>DEMO DATA</source>
        <translation>ข้อมูลสาธิต</translation>
    </message>
    <message>
        <source>All changes saved · last saved {when}</source>
        <translation>บันทึกการเปลี่ยนแปลงทั้งหมดแล้ว · บันทึกล่าสุด {when}</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>พิจารณา</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>ความก้าวหน้า</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>ความครอบคลุม</translation>
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
    <name>MunicipalityPage</name>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Department code</source>
        <translation>รหัสของกรม</translation>
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
        <source>District</source>
        <translation>อำเภอ</translation>
    </message>
    <message>
        <source>Provincial seat town</source>
        <translation>เมืองศูนย์กลางจังหวัด</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ไม่ใช่</translation>
    </message>
    <message>
        <source>Also known by</source>
        <translation>รหัสอื่นที่ใช้เรียก</translation>
    </message>
    <message>
        <source>Forms over the years</source>
        <translation>ฐานะในแต่ละช่วงเวลา</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>บันทึกเมื่อ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ที่มา</translation>
    </message>
    <message>
        <source>first listed</source>
        <translation>ตั้งแต่มีในทะเบียน</translation>
    </message>
    <message>
        <source>Past results</source>
        <translation>ผลรางวัลปีที่ผ่านมา</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>ปี</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>รางวัล</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>ตามที่เขียนในไฟล์</translation>
    </message>
    <message>
        <source>{file}, line {line}</source>
        <translation>{file} บรรทัด {line}</translation>
    </message>
    <message>
        <source>No past results recorded.</source>
        <translation>ยังไม่มีผลรางวัลปีที่ผ่านมา</translation>
    </message>
</context>
<context>
    <name>MunicipalityPlace</name>
    <message>
        <source>Filter by name (Thai or English), code or province…</source>
        <translation>กรองตามชื่อ (ไทยหรืออังกฤษ) รหัส หรือจังหวัด…</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>นำเข้าทะเบียน…</translation>
    </message>
    <message>
        <source>Load the department&apos;s register of local governments (CSV or XLSX) with a preview</source>
        <translation>นำเข้าทะเบียนองค์กรปกครองส่วนท้องถิ่นของกรม (CSV หรือ XLSX) โดยแสดงตัวอย่างก่อน</translation>
    </message>
    <message>
        <source>Past results…</source>
        <translation>ผลรางวัลปีที่ผ่านมา…</translation>
    </message>
    <message>
        <source>Load the awards and tiers of earlier years with a preview</source>
        <translation>นำเข้ารางวัลและระดับผลการประเมินของปีก่อน ๆ โดยแสดงตัวอย่างก่อน</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>เปิด…</translation>
    </message>
    <message>
        <source>The selected record, its forms over the years and past results (Enter)</source>
        <translation>รายการที่เลือก ฐานะในแต่ละช่วงเวลา และผลรางวัลปีที่ผ่านมา (Enter)</translation>
    </message>
    <message>
        <source>Self-assessment…</source>
        <translation>แบบประเมินตนเอง…</translation>
    </message>
    <message>
        <source>Bring in the selected municipality&apos;s self-assessment spreadsheet, or save the template</source>
        <translation>นำเข้าไฟล์ตารางแบบประเมินตนเองของเทศบาลที่เลือก หรือบันทึกแม่แบบ</translation>
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
    <name>OfficeBundleWriter</name>
    <message>
        <source>Passphrase to sign the return bundle for {n} assessment(s)</source>
        <translation>รหัสผ่านสำหรับลงนามแฟ้มส่งกลับ {n} แบบประเมิน</translation>
    </message>
    <message>
        <source>Passphrase to sign the upward bundle: {n} approved assessment(s), {m} model town(s)</source>
        <translation>รหัสผ่านสำหรับลงนามแฟ้มส่งผล: แบบประเมินที่อนุมัติ {n} ฉบับ เมืองต้นแบบ {m} แห่ง</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>กุญแจลงนาม</translation>
    </message>
    <message>
        <source>This office has no signing key yet. Create one under Sync → Office signing key, and give its public key to your assessors.</source>
        <translation>สำนักงานนี้ยังไม่มีกุญแจลงนาม สร้างได้ที่ รับ–ส่งข้อมูล → กุญแจลงนามของสำนักงาน แล้วมอบกุญแจสาธารณะให้ผู้ประเมิน</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>บันทึกแฟ้มชุดข้อมูล</translation>
    </message>
    <message>
        <source>SECity bundle (*.secbundle)</source>
        <translation>แฟ้มชุดข้อมูล SECity (*.secbundle)</translation>
    </message>
    <message>
        <source>Writing bundle…</source>
        <translation>กำลังเขียนแฟ้มชุดข้อมูล…</translation>
    </message>
    <message>
        <source>Writing return bundle</source>
        <translation>กำลังเขียนแฟ้มส่งกลับ</translation>
    </message>
    <message>
        <source>Writing upward bundle</source>
        <translation>กำลังเขียนแฟ้มส่งผล</translation>
    </message>
    <message>
        <source>Wrote {path} ({size}).
SHA-256 {sha}</source>
        <translation>บันทึก {path} แล้ว ({size})
SHA-256 {sha}</translation>
    </message>
</context>
<context>
    <name>OfficeCandidateModel</name>
    <message>
        <source>Returned on</source>
        <translation>ส่งกลับเมื่อ</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>อนุมัติเมื่อ</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>เมืองต้นแบบ</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>ฉบับแก้ไขที่</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ยังไม่ส่ง</translation>
    </message>
    <message>
        <source>{n}×</source>
        <translation>{n} ครั้ง</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
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
        <translation>เปลี่ยนระดับของ {code}</translation>
    </message>
    <message>
        <source>{code} {title}
Assessor&apos;s level: {level}. Write why the level changes.</source>
        <translation>{code} {title}
ระดับที่ผู้ประเมินเลือก: {level} กรุณาระบุเหตุผลที่เปลี่ยนระดับ</translation>
    </message>
    <message>
        <source>Reviewer&apos;s level</source>
        <translation>ระดับที่ผู้พิจารณากำหนด</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>ยืนยันรหัสผ่าน</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>File</source>
        <translation>แฟ้ม</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>เนื้อหา</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>ฉบับแก้ไขที่</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>การดำเนินการ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>จาก</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>update (newer revision)</source>
        <translation>ปรับปรุง (ฉบับใหม่กว่า)</translation>
    </message>
    <message>
        <source>skip (already here)</source>
        <translation>ข้าม (มีอยู่แล้ว)</translation>
    </message>
    <message>
        <source>conflict — both kept</source>
        <translation>ขัดแย้ง — เก็บไว้ทั้งสองฉบับ</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>ปฏิเสธ</translation>
    </message>
    <message>
        <source>apply the review</source>
        <translation>นำผลการพิจารณาไปใช้</translation>
    </message>
    <message>
        <source>record the choice</source>
        <translation>บันทึกการเลือก</translation>
    </message>
    <message>
        <source>stale replay — not received</source>
        <translation>ส่งซ้ำฉบับเก่า — ไม่รับเข้า</translation>
    </message>
    <message>
        <source>signed revision</source>
        <translation>แบบประเมินที่ลงนามแล้ว</translation>
    </message>
    <message>
        <source>review: returned</source>
        <translation>ผลพิจารณา: ส่งกลับแก้ไข</translation>
    </message>
    <message>
        <source>review: approved</source>
        <translation>ผลพิจารณา: อนุมัติ</translation>
    </message>
    <message>
        <source>model town</source>
        <translation>เมืองต้นแบบ</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>มีอยู่แล้ว</translation>
    </message>
    <message>
        <source>returned for revision: a new draft opens to fix it</source>
        <translation>ส่งกลับให้แก้ไข: จะเปิดฉบับร่างใหม่ให้แก้ไข</translation>
    </message>
    <message>
        <source>approved by the province</source>
        <translation>จังหวัดอนุมัติแล้ว</translation>
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
    <message>
        <source>This workspace</source>
        <translation>พื้นที่ทำงานนี้</translation>
    </message>
    <message>
        <source>Works as:</source>
        <translation>ใช้งานในฐานะ:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>จังหวัด:</translation>
    </message>
    <message>
        <source>Regional office:</source>
        <translation>สำนักงานภาค:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>ผู้ใช้งาน:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>โฟลเดอร์:</translation>
    </message>
    <message>
        <source>This workspace holds demo data.</source>
        <translation>พื้นที่ทำงานนี้มีข้อมูลสาธิต ไม่ใช่ผลการประเมินจริง</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>บรรทัด</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>ตามที่เขียนในไฟล์</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>ปี</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>รางวัล</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>รายการในทะเบียน</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
</context>
<context>
    <name>ProgressPlace</name>
    <message>
        <source>Whole country</source>
        <translation>ทั้งประเทศ</translation>
    </message>
    <message>
        <source>Progress of</source>
        <translation>ความก้าวหน้าของ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>ปรับปรุงข้อมูล</translation>
    </message>
    <message>
        <source>Print trend PDF…</source>
        <translation>พิมพ์ PDF ผลหลายปี…</translation>
    </message>
    <message>
        <source>Reading results of every year…</source>
        <translation>กำลังอ่านผลการประเมินทุกปี…</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>ความครอบคลุม</translation>
    </message>
    <message>
        <source>Seat towns</source>
        <translation>เมืองศูนย์กลางจังหวัด</translation>
    </message>
    <message>
        <source>Model towns</source>
        <translation>เมืองต้นแบบ</translation>
    </message>
    <message>
        <source>Most improved</source>
        <translation>พัฒนาขึ้นมากที่สุด</translation>
    </message>
    <message>
        <source>No assessment recorded yet.</source>
        <translation>ยังไม่มีผลการประเมินที่บันทึกไว้</translation>
    </message>
    <message>
        <source>{year}: {assessed} of {all} assessed ({percent:.1f}%), {approved} approved, {towns} model town(s).</source>
        <translation>ปี {year}: ประเมินแล้ว {assessed} จาก {all} แห่ง (ร้อยละ {percent:.1f}) อนุมัติแล้ว {approved} แห่ง เมืองต้นแบบ {towns} แห่ง</translation>
    </message>
    <message>
        <source>Assessed %</source>
        <translation>ร้อยละที่ประเมินแล้ว</translation>
    </message>
    <message>
        <source>Approved %</source>
        <translation>ร้อยละที่อนุมัติแล้ว</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>ปี พ.ศ.</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>ประเมินแล้ว</translation>
    </message>
    <message>
        <source>%</source>
        <translation>ร้อยละ</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>อนุมัติแล้ว</translation>
    </message>
    <message>
        <source>Provinces whose seat town reached a tier</source>
        <translation>จังหวัดที่เมืองศูนย์กลางผ่านเกณฑ์ระดับรางวัล</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>ผ่านเกณฑ์ระดับใดก็ได้</translation>
    </message>
    <message>
        <source>Seat town&apos;s approved total</source>
        <translation>คะแนนรวมที่อนุมัติของเมืองศูนย์กลาง</translation>
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
        <source>Provinces with a model town</source>
        <translation>จังหวัดที่มีเมืองต้นแบบ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Model town</source>
        <translation>เมืองต้นแบบ</translation>
    </message>
    <message>
        <source>#</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Needs approved results in at least two fiscal years.</source>
        <translation>ต้องมีผลที่อนุมัติแล้วอย่างน้อยสองปีงบประมาณ</translation>
    </message>
    <message>
        <source>Approved totals of {first} and {last} compared; {n} left out because the framework changed with no declared mapping.</source>
        <translation>เทียบคะแนนรวมที่อนุมัติแล้วของปี {first} กับปี {last} ไม่นำมาเทียบ {n} แห่ง เพราะเปลี่ยนเกณฑ์โดยไม่มีตารางเทียบเกณฑ์ที่ประกาศไว้</translation>
    </message>
    <message>
        <source>Save trend PDF</source>
        <translation>บันทึก PDF ผลหลายปี</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>แฟ้ม PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>กำลังพิมพ์…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
</context>
<context>
    <name>ReenrolDialog</name>
    <message>
        <source>Re-enrol a lost key</source>
        <translation>ลงทะเบียนกุญแจใหม่แทนกุญแจที่สูญหาย</translation>
    </message>
    <message>
        <source>The holder lost their key (laptop lost, passphrase forgotten). Enrol their new key in its place and revoke the old one from the day it was last known safe: bundles it signed before stay valid, bundles it signs after are refused.</source>
        <translation>ผู้ถือกุญแจทำกุญแจหาย (เครื่องหาย หรือลืมรหัสผ่าน) ลงทะเบียนกุญแจใหม่ของผู้นั้นแทน และเพิกถอนกุญแจเดิมตั้งแต่วันที่ทราบว่ายังปลอดภัยครั้งสุดท้าย ชุดข้อมูลที่ลงนามก่อนวันนั้นยังใช้ได้ ชุดข้อมูลที่ลงนามหลังจากนั้นจะถูกปฏิเสธ</translation>
    </message>
    <message>
        <source>&amp;Old key:</source>
        <translation>กุญแจเดิม (&amp;O):</translation>
    </message>
    <message>
        <source>From &amp;file…</source>
        <translation>จากไฟล์ (&amp;F)…</translation>
    </message>
    <message>
        <source>From a refused &amp;bundle…</source>
        <translation>จากชุดข้อมูลที่ถูกปฏิเสธ (&amp;B)…</translation>
    </message>
    <message>
        <source>New public key:</source>
        <translation>กุญแจสาธารณะใหม่:</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(ยังไม่ได้เลือก)</translation>
    </message>
    <message>
        <source>Its fingerprint:</source>
        <translation>ลายนิ้วมือกุญแจ:</translation>
    </message>
    <message>
        <source>I read this fingerprint out with the holder and it &amp;matches</source>
        <translation>ได้อ่านลายนิ้วมือกุญแจนี้ทวนกับผู้ถือกุญแจแล้ว ตรงกัน (&amp;M)</translation>
    </message>
    <message>
        <source>Revoke the old key from &amp;date:</source>
        <translation>เพิกถอนกุญแจเดิมตั้งแต่วันที่ (&amp;D):</translation>
    </message>
    <message>
        <source>e.g. laptop stolen on the way back from the field</source>
        <translation>เช่น แล็ปท็อปถูกขโมยระหว่างเดินทางกลับจากการลงพื้นที่</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>เหตุผล (&amp;R):</translation>
    </message>
    <message>
        <source>Re-enrol</source>
        <translation>ลงทะเบียนกุญแจใหม่</translation>
    </message>
    <message>
        <source>The holder&apos;s new public key</source>
        <translation>กุญแจสาธารณะใหม่ของผู้ถือกุญแจ</translation>
    </message>
    <message>
        <source>Public key (*.pub);;All files (*)</source>
        <translation>กุญแจสาธารณะ (*.pub);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>A bundle the holder signed with the new key</source>
        <translation>ชุดข้อมูลที่ผู้ถือกุญแจลงนามด้วยกุญแจใหม่</translation>
    </message>
    <message>
        <source>Bundles (*.secbundle *.age);;All files (*)</source>
        <translation>ชุดข้อมูล (*.secbundle *.age);;ทุกไฟล์ (*)</translation>
    </message>
</context>
<context>
    <name>ReportsPlace</name>
    <message>
        <source>Assessment report</source>
        <translation>รายงานผลการประเมิน</translation>
    </message>
    <message>
        <source>Province summary</source>
        <translation>สรุปผลระดับจังหวัด</translation>
    </message>
    <message>
        <source>Model-town certificate</source>
        <translation>เกียรติบัตรเมืองต้นแบบ</translation>
    </message>
    <message>
        <source>Certificates (batch)</source>
        <translation>เกียรติบัตร (หลายฉบับ)</translation>
    </message>
    <message>
        <source>Find by municipality, code, province or year…</source>
        <translation>ค้นหาด้วยชื่อเทศบาล รหัส จังหวัด หรือปี…</translation>
    </message>
    <message>
        <source>The newest {n} matches; type to narrow the list</source>
        <translation>แสดง {n} รายการล่าสุดที่ตรงกัน พิมพ์เพื่อค้นหาให้แคบลง</translation>
    </message>
    <message>
        <source>Thai digits (๐–๙)</source>
        <translation>ใช้เลขไทย (๐–๙)</translation>
    </message>
    <message>
        <source>Unsigned specimen (no QR code)</source>
        <translation>ตัวอย่างที่ไม่ลงนาม (ไม่มีคิวอาร์โค้ด)</translation>
    </message>
    <message>
        <source>Empty: this workspace&apos;s signing key; or an OpenSSH Ed25519 key file</source>
        <translation>เว้นว่าง: ใช้กุญแจลงนามของพื้นที่ทำงานนี้ หรือเลือกไฟล์กุญแจ OpenSSH Ed25519</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>เลือกแฟ้ม…</translation>
    </message>
    <message>
        <source>Open the file when done</source>
        <translation>เปิดแฟ้มเมื่อเสร็จ</translation>
    </message>
    <message>
        <source>Render PDF…</source>
        <translation>สร้าง PDF…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>เอกสาร</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>แบบประเมิน</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year (BE)</source>
        <translation>ปีงบประมาณ (พ.ศ.)</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Signatory name</source>
        <translation>ชื่อผู้ลงนาม</translation>
    </message>
    <message>
        <source>Signatory position</source>
        <translation>ตำแหน่งผู้ลงนาม</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>กุญแจลงนาม</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>รหัสผ่านของกุญแจ</translation>
    </message>
    <message>
        <source>Province signing key</source>
        <translation>กุญแจลงนามของจังหวัด</translation>
    </message>
    <message>
        <source>Folder for the certificates</source>
        <translation>โฟลเดอร์สำหรับเกียรติบัตร</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>บันทึก PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>แฟ้ม PDF (*.pdf)</translation>
    </message>
    <message>
        <source>There is no assessment to report on.</source>
        <translation>ยังไม่มีแบบประเมินสำหรับทำรายงาน</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>กำลังสร้างเอกสาร…</translation>
    </message>
    <message>
        <source>Rendering {done} of {total}…</source>
        <translation>กำลังสร้างเอกสาร {done} จาก {total}…</translation>
    </message>
    <message>
        <source>Cancelled: {done} of {total} written.</source>
        <translation>ยกเลิกแล้ว: สร้างไปแล้ว {done} จาก {total}</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>ยกเลิกแล้ว ไม่มีการบันทึกแฟ้ม</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>ดำเนินการไม่สำเร็จ: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewIndicatorModel</name>
    <message>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <source>Assessor&apos;s level</source>
        <translation>ระดับ
ผู้ประเมิน</translation>
    </message>
    <message>
        <source>Reviewer&apos;s level</source>
        <translation>ระดับ
ผู้พิจารณา</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <source>Municipality&apos;s claim</source>
        <translation>เทศบาล
ประเมินตนเอง</translation>
    </message>
</context>
<context>
    <name>ReviewListModel</name>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>ฉบับแก้ไขที่</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <source>New revision after approval</source>
        <translation>มีฉบับแก้ไขใหม่หลังอนุมัติ</translation>
    </message>
</context>
<context>
    <name>ReviewPlace</name>
    <message>
        <source>All to review and decided</source>
        <translation>ทั้งที่รอพิจารณาและพิจารณาแล้ว</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>เริ่มพิจารณา</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>อนุมัติ</translation>
    </message>
    <message>
        <source>Return for revision…</source>
        <translation>ส่งกลับให้แก้ไข…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>อนุมัติ…</translation>
    </message>
    <message>
        <source>Comment on assessment…</source>
        <translation>ให้ความเห็นต่อแบบประเมิน…</translation>
    </message>
    <message>
        <source>Write return bundle…</source>
        <translation>เขียนแฟ้มส่งกลับ…</translation>
    </message>
    <message>
        <source>Sign a bundle that takes this return and its comments to the assessor</source>
        <translation>ลงนามแฟ้มชุดข้อมูลที่นำการส่งกลับนี้และความเห็นไปถึงผู้ประเมิน</translation>
    </message>
    <message>
        <source>Change level…</source>
        <translation>เปลี่ยนระดับ…</translation>
    </message>
    <message>
        <source>Comment on indicator…</source>
        <translation>ให้ความเห็นต่อตัวชี้วัด…</translation>
    </message>
    <message>
        <source>Review history and comments</source>
        <translation>ประวัติการพิจารณาและความเห็น</translation>
    </message>
    <message>
        <source>Nothing to review with this filter.</source>
        <translation>ไม่มีรายการที่ต้องพิจารณาตามตัวกรองนี้</translation>
    </message>
    <message>
        <source>fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>ฉบับแก้ไขที่</translation>
    </message>
    <message>
        <source>Assessor&apos;s total {raw:.2f} · after review {eff:.2f} ({tier})</source>
        <translation>คะแนนรวมของผู้ประเมิน {raw:.2f} · หลังพิจารณา {eff:.2f} ({tier})</translation>
    </message>
    <message>
        <source>The municipality&apos;s self-assessment uses another framework version.</source>
        <translation>แบบประเมินตนเองของเทศบาลใช้เกณฑ์ต่างรุ่นกัน</translation>
    </message>
    <message>
        <source>Municipality&apos;s self-assessment {claimed:.2f} ({source}) · gap {gap:+.2f} · {n} indicator(s) disagree</source>
        <translation>เทศบาลประเมินตนเอง {claimed:.2f} ({source}) · ต่างกัน {gap:+.2f} · ระดับไม่ตรงกัน {n} ตัวชี้วัด</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>ลงนามแล้ว</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>ไม่ได้ลงนาม</translation>
    </message>
    <message>
        <source>{who}: {old} → {new}</source>
        <translation>{who}: {old} → {new}</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>แบบประเมิน</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ถอนแล้ว</translation>
    </message>
    <message>
        <source>{who} changed {code}: {old} → {new}</source>
        <translation>{who} เปลี่ยน {code}: {old} → {new}</translation>
    </message>
    <message>
        <source>No review activity yet.</source>
        <translation>ยังไม่มีการพิจารณาหรือความเห็น</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>ยังไม่ได้ดำเนินการ</translation>
    </message>
    <message>
        <source>Approve this assessment? A note is optional.</source>
        <translation>อนุมัติแบบประเมินนี้หรือไม่ (จะใส่บันทึกหรือไม่ก็ได้)</translation>
    </message>
    <message>
        <source>Return for revision</source>
        <translation>ส่งกลับให้แก้ไข</translation>
    </message>
    <message>
        <source>Tell the assessor what to fix (required).</source>
        <translation>ระบุสิ่งที่ผู้ประเมินต้องแก้ไข (จำเป็น)</translation>
    </message>
    <message>
        <source>Write the return bundle for the assessor now?</source>
        <translation>เขียนแฟ้มส่งกลับให้ผู้ประเมินเลยหรือไม่</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>ความเห็น</translation>
    </message>
    <message>
        <source>Comment on the whole assessment.</source>
        <translation>ความเห็นต่อแบบประเมินทั้งฉบับ</translation>
    </message>
    <message>
        <source>Comment on indicator {code}.</source>
        <translation>ความเห็นต่อตัวชี้วัด {code}</translation>
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
<context>
    <name>Sealing</name>
    <message>
        <source>Encrypted: only the key(s) {keys} can open it.</source>
        <translation>เข้ารหัสแล้ว: เปิดได้เฉพาะด้วยกุญแจ {keys}</translation>
    </message>
    <message>
        <source>Not encrypted (as you chose; recorded in the history and the audit log).</source>
        <translation>ไม่ได้เข้ารหัส (ตามที่เลือก และบันทึกไว้ในประวัติและบันทึกการตรวจสอบแล้ว)</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentDialog</name>
    <message>
        <source>Municipality&apos;s self-assessment</source>
        <translation>แบบประเมินตนเองของเทศบาล</translation>
    </message>
    <message>
        <source>For a municipality that filled the department&apos;s online form: fill the template (indicator code, level, note) and bring it in here. It is kept as unsigned, with the name of who entered it.</source>
        <translation>สำหรับเทศบาลที่กรอกแบบฟอร์มออนไลน์ของกรม: กรอกแม่แบบ (รหัสตัวชี้วัด ระดับ หมายเหตุ) แล้วนำเข้าที่นี่ ระบบเก็บไว้เป็นข้อมูลที่ไม่ได้ลงนาม พร้อมชื่อผู้บันทึก</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>ผู้บันทึก</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>ไฟล์ตาราง</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>บันทึกแม่แบบ…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>นำเข้า</translation>
    </message>
    <message>
        <source>Self-assessment spreadsheet</source>
        <translation>ไฟล์ตารางแบบประเมินตนเอง</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>ไฟล์ตาราง (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>บันทึกแม่แบบ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>สมุดงาน Excel (*.xlsx);;CSV แบบ UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Template saved: {path}</source>
        <translation>บันทึกแม่แบบแล้ว: {path}</translation>
    </message>
    <message>
        <source>{file}: {answered} of {count} indicators answered; ready to import.</source>
        <translation>{file}: ตอบแล้ว {answered} จาก {count} ตัวชี้วัด พร้อมนำเข้า</translation>
    </message>
    <message>
        <source>{file}: imported ({answered} of {count} indicators answered), unsigned.</source>
        <translation>{file}: นำเข้าแล้ว (ตอบ {answered} จาก {count} ตัวชี้วัด) ไม่ได้ลงนาม</translation>
    </message>
    <message>
        <source>{file} is already the standing self-assessment.</source>
        <translation>{file} เป็นแบบประเมินตนเองที่ใช้อยู่แล้ว</translation>
    </message>
    <message>
        <source>No self-assessment for this year yet.</source>
        <translation>ยังไม่มีแบบประเมินตนเองของปีนี้</translation>
    </message>
    <message>
        <source>signed by {name}</source>
        <translation>ลงนามโดย {name}</translation>
    </message>
    <message>
        <source>unsigned spreadsheet, entered by {name}</source>
        <translation>ไฟล์ตาราง ไม่ได้ลงนาม บันทึกโดย {name}</translation>
    </message>
    <message>
        <source>Standing self-assessment: claimed total {total:.2f} ({source})</source>
        <translation>แบบประเมินตนเองที่ใช้อยู่: คะแนนรวมที่ประเมินตนเอง {total:.2f} ({source})</translation>
    </message>
</context>
<context>
    <name>SelfGapList</name>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>ต่างกัน</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>ไม่ตรงกัน</translation>
    </message>
    <message>
        <source>Self-assessment against verification, {year}: largest gap first</source>
        <translation>การประเมินตนเองเทียบกับผลตรวจประเมิน ปี {year}: เรียงจากต่างกันมากที่สุด</translation>
    </message>
    <message>
        <source>Choose a fiscal year to compare self-assessments.</source>
        <translation>เลือกปีงบประมาณเพื่อเปรียบเทียบการประเมินตนเอง</translation>
    </message>
    <message>
        <source>Choose a province to compare self-assessments with verification.</source>
        <translation>เลือกจังหวัดเพื่อเปรียบเทียบการประเมินตนเองกับผลตรวจประเมิน</translation>
    </message>
    <message>
        <source>Claimed {claimed:.2f}, verified {verified:.2f}</source>
        <translation>ประเมินตนเอง {claimed:.2f} ตรวจประเมิน {verified:.2f}</translation>
    </message>
    <message>
        <source>Signed by the municipality</source>
        <translation>เทศบาลลงนามแล้ว</translation>
    </message>
    <message>
        <source>Unsigned spreadsheet</source>
        <translation>ไฟล์ตาราง ไม่ได้ลงนาม</translation>
    </message>
    <message>
        <source>Component {code}: claimed {claimed:.2f}, verified {verified:.2f} ({gap:+.2f}), {n} disagree</source>
        <translation>องค์ประกอบ {code}: ประเมินตนเอง {claimed:.2f} ตรวจประเมิน {verified:.2f} ({gap:+.2f}) ไม่ตรงกัน {n}</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Encrypt each bundle to its receiver&apos;s key (recommended)</source>
        <translation>เข้ารหัสชุดข้อมูลถึงกุญแจของผู้รับ (แนะนำ)</translation>
    </message>
    <message>
        <source>The assessor&apos;s key for a return, the region&apos;s or nation&apos;s office key for upward bundles. Untick only if the receiver asked for an unencrypted bundle; the choice is recorded.</source>
        <translation>ชุดข้อมูลส่งคืนเข้ารหัสถึงกุญแจของผู้ประเมิน ชุดข้อมูลส่งขึ้นเข้ารหัสถึงกุญแจสำนักงานภาคหรือส่วนกลาง ยกเลิกเฉพาะเมื่อผู้รับขอชุดข้อมูลแบบไม่เข้ารหัส ระบบจะบันทึกการเลือกนี้ไว้</translation>
    </message>
    <message>
        <source>Return to assessor</source>
        <translation>ส่งกลับให้ผู้ประเมิน</translation>
    </message>
    <message>
        <source>Assessments you returned for revision. The bundle carries your decision, comments and level changes back to the assessor, whose workspace opens a new draft to fix.</source>
        <translation>แบบประเมินที่ส่งกลับให้แก้ไข แฟ้มส่งกลับจะนำผลการพิจารณา ความเห็น และระดับที่ปรับ ไปถึงผู้ประเมิน ซึ่งจะได้ฉบับร่างใหม่สำหรับแก้ไข</translation>
    </message>
    <message>
        <source>Select everything not yet sent</source>
        <translation>เลือกทุกรายการที่ยังไม่ได้ส่ง</translation>
    </message>
    <message>
        <source>Write return bundle…</source>
        <translation>เขียนแฟ้มส่งกลับ…</translation>
    </message>
    <message>
        <source>Send upward</source>
        <translation>ส่งผลขึ้นไปยังภาคและส่วนกลาง</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <source>Write upward bundle…</source>
        <translation>เขียนแฟ้มส่งผล…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>ทุกปี</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>เลือกแล้ว {n} รายการ</translation>
    </message>
    <message>
        <source>Nothing returned for revision.</source>
        <translation>ไม่มีแบบประเมินที่ส่งกลับให้แก้ไข</translation>
    </message>
    <message>
        <source>{n} approved assessment(s) and {m} model town(s) will be sent</source>
        <translation>จะส่งแบบประเมินที่อนุมัติ {n} ฉบับ และเมืองต้นแบบ {m} แห่ง</translation>
    </message>
    <message>
        <source>Model town {year}: {name} — {reason}</source>
        <translation>เมืองต้นแบบปี {year}: {name} — {reason}</translation>
    </message>
    <message>
        <source>No model town chosen for this year yet (Dashboard → Set as model town).</source>
        <translation>ปีนี้ยังไม่ได้เลือกเมืองต้นแบบ (ภาพรวม → กำหนดเป็นเมืองต้นแบบ)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>กำลังเขียน…</translation>
    </message>
    <message>
        <source>No bundle was written.</source>
        <translation>ไม่ได้เขียนแฟ้มชุดข้อมูล</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Opening the workspace…</source>
        <translation>กำลังเปิดพื้นที่ทำงาน…</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>รหัสผ่านไม่ถูกต้อง กรุณาลองอีกครั้ง</translation>
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
        <translation>ส่งแบบประเมินตนเอง</translation>
    </message>
    <message>
        <source>Send (export)</source>
        <translation>ส่ง (ส่งออก)</translation>
    </message>
    <message>
        <source>Receive returns</source>
        <translation>รับแบบที่ส่งกลับ</translation>
    </message>
    <message>
        <source>My signing key</source>
        <translation>กุญแจลงนามของฉัน</translation>
    </message>
    <message>
        <source>Receive (import)</source>
        <translation>รับ (นำเข้า)</translation>
    </message>
    <message>
        <source>Send results</source>
        <translation>ส่งผล</translation>
    </message>
    <message>
        <source>Office signing key</source>
        <translation>กุญแจลงนามของสำนักงาน</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>รายการซ้ำซ้อน</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>ประวัติการนำเข้า</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>framework changed</source>
        <translation>เปลี่ยนเกณฑ์</translation>
    </message>
    <message>
        <source>No results to chart yet.</source>
        <translation>ยังไม่มีผลสำหรับแสดงเป็นกราฟ</translation>
    </message>
</context>
<context>
    <name>TrendSection</name>
    <message>
        <source>Progress over the years</source>
        <translation>ผลการประเมินตลอดหลายปี</translation>
    </message>
    <message>
        <source>Print trend PDF…</source>
        <translation>พิมพ์ PDF ผลหลายปี…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>คะแนนรวม</translation>
    </message>
    <message>
        <source>Total and tier</source>
        <translation>คะแนนรวมและระดับ</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>องค์ประกอบ</translation>
    </message>
    <message>
        <source>Year by year</source>
        <translation>รายปี</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>ปี พ.ศ.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>ระดับรางวัล</translation>
    </message>
    <message>
        <source>C{code}</source>
        <translation>องค์ฯ {code}</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>เกณฑ์</translation>
    </message>
    <message>
        <source> (compared through the declared mapping)</source>
        <translation> (เทียบผ่านตารางเทียบเกณฑ์ที่ประกาศไว้)</translation>
    </message>
    <message>
        <source> (framework changed: not compared)</source>
        <translation> (เปลี่ยนเกณฑ์ ไม่นำมาเทียบ)</translation>
    </message>
    <message>
        <source>No assessment recorded yet.</source>
        <translation>ยังไม่มีผลการประเมินที่บันทึกไว้</translation>
    </message>
    <message>
        <source>Framework changed in {years} with no declared mapping: those years are not compared with the year before.</source>
        <translation>ปี {years} เปลี่ยนเกณฑ์โดยไม่มีตารางเทียบเกณฑ์ที่ประกาศไว้ จึงไม่นำคะแนนปีนั้นมาเทียบกับปีก่อนหน้า</translation>
    </message>
    <message>
        <source>★ marks a year with a past award (listed under Past results).</source>
        <translation>★ คือปีที่ได้รับรางวัล (ดูรายการในผลรางวัลในอดีต)</translation>
    </message>
    <message>
        <source>Save trend PDF</source>
        <translation>บันทึก PDF ผลหลายปี</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>แฟ้ม PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>กำลังพิมพ์…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>บันทึกแล้ว: {path}</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>Only bundles signed by these keys are accepted. Enrol a key from the file the assessor gives you, after checking its fingerprint with them.</source>
        <translation>รับเฉพาะแฟ้มชุดข้อมูลที่ลงนามด้วยกุญแจเหล่านี้ ลงทะเบียนกุญแจจากแฟ้มที่ผู้ประเมินให้ หลังจากตรวจลายนิ้วมือกุญแจกับผู้ประเมินแล้ว</translation>
    </message>
    <message>
        <source>Enrol key from file…</source>
        <translation>ลงทะเบียนกุญแจจากแฟ้ม…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>เพิกถอน…</translation>
    </message>
    <message>
        <source>Export allowed_signers…</source>
        <translation>ส่งออก allowed_signers…</translation>
    </message>
    <message>
        <source>Public key (*.pub);;All files (*)</source>
        <translation>กุญแจสาธารณะ (*.pub);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>Enrol key</source>
        <translation>ลงทะเบียนกุญแจ</translation>
    </message>
    <message>
        <source>Trusted office keys</source>
        <translation>กุญแจสำนักงานที่เชื่อถือ</translation>
    </message>
    <message>
        <source>Enrol a municipality&apos;s key…</source>
        <translation>ลงทะเบียนกุญแจของเทศบาล…</translation>
    </message>
    <message>
        <source>A municipality office&apos;s key: it signs only that municipality&apos;s self-assessment</source>
        <translation>กุญแจของเทศบาล ใช้ลงนามได้เฉพาะแบบประเมินตนเองของเทศบาลนั้น</translation>
    </message>
    <message>
        <source>Re-enrol a lost key…</source>
        <translation>ลงทะเบียนแทนกุญแจที่สูญหาย…</translation>
    </message>
    <message>
        <source>The holder lost their key: enrol their new key and revoke the old one from a date</source>
        <translation>ผู้ถือกุญแจทำกุญแจหาย: ลงทะเบียนกุญแจใหม่ และเพิกถอนกุญแจเดิมตั้งแต่วันที่กำหนด</translation>
    </message>
    <message>
        <source>Apply key statement…</source>
        <translation>ใช้เอกสารแจ้งกุญแจ…</translation>
    </message>
    <message>
        <source>A signed key change received as a file: a rotation, a re-enrolment or a revocation</source>
        <translation>เอกสารแจ้งการเปลี่ยนแปลงกุญแจที่ลงนามแล้วซึ่งได้รับเป็นไฟล์: การเปลี่ยนกุญแจ การลงทะเบียนกุญแจใหม่ หรือการเพิกถอน</translation>
    </message>
    <message>
        <source>Trusted assessor keys</source>
        <translation>กุญแจผู้ประเมินที่เชื่อถือ</translation>
    </message>
    <message>
        <source>Trusted province keys</source>
        <translation>กุญแจจังหวัดที่เชื่อถือ</translation>
    </message>
    <message>
        <source>Only return bundles signed by these keys are accepted. Enrol your province office&apos;s key from the file the office gives you, after checking its fingerprint with them.</source>
        <translation>รับเฉพาะแฟ้มส่งกลับที่ลงนามด้วยกุญแจเหล่านี้ ลงทะเบียนกุญแจของสำนักงานจังหวัดจากแฟ้มที่สำนักงานให้ หลังจากตรวจลายนิ้วมือกุญแจกับเจ้าหน้าที่แล้ว</translation>
    </message>
    <message>
        <source>Only upward bundles signed by these keys are accepted. Enrol each province office&apos;s key from the file it gives you, after checking its fingerprint with them.</source>
        <translation>รับเฉพาะแฟ้มส่งผลที่ลงนามด้วยกุญแจเหล่านี้ ลงทะเบียนกุญแจของสำนักงานแต่ละจังหวัดจากแฟ้มที่จังหวัดให้ หลังจากตรวจลายนิ้วมือกุญแจกับเจ้าหน้าที่แล้ว</translation>
    </message>
    <message>
        <source>the assessor</source>
        <translation>ผู้ประเมิน</translation>
    </message>
    <message>
        <source>the office</source>
        <translation>สำนักงาน</translation>
    </message>
    <message>
        <source>Enrol a municipality&apos;s key</source>
        <translation>ลงทะเบียนกุญแจของเทศบาล</translation>
    </message>
    <message>
        <source>Which municipality does this key speak for?</source>
        <translation>กุญแจนี้เป็นของเทศบาลใด</translation>
    </message>
    <message>
        <source>Public key to enrol</source>
        <translation>กุญแจสาธารณะที่จะลงทะเบียน</translation>
    </message>
    <message>
        <source>Is this the key of the region or national office you send results to? Upward bundles are encrypted to office keys. (An assessor&apos;s key is not an office key.)</source>
        <translation>กุญแจนี้เป็นของสำนักงานภาคหรือส่วนกลางที่ท่านส่งผลไปให้ใช่หรือไม่ ชุดข้อมูลส่งขึ้นจะเข้ารหัสถึงกุญแจสำนักงาน (กุญแจของผู้ประเมินไม่ใช่กุญแจสำนักงาน)</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>เพิกถอนกุญแจ</translation>
    </message>
    <message>
        <source>Revoke the key of {name}? Bundles it signs will be refused.
Reason:</source>
        <translation>เพิกถอนกุญแจของ {name} หรือไม่ แฟ้มชุดข้อมูลที่ลงนามด้วยกุญแจนี้จะถูกปฏิเสธ
เหตุผล:</translation>
    </message>
    <message>
        <source>{name} is enrolled with the new key {fingerprint}; the old key is revoked from {date}.</source>
        <translation>{name} ลงทะเบียนด้วยกุญแจใหม่ {fingerprint} แล้ว กุญแจเดิมถูกเพิกถอนตั้งแต่ {date}</translation>
    </message>
    <message>
        <source>Key statement to apply</source>
        <translation>เอกสารแจ้งกุญแจที่จะใช้</translation>
    </message>
    <message>
        <source>Key statements (*.json);;All files (*)</source>
        <translation>เอกสารแจ้งกุญแจ (*.json);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <source>The key of {name} ({fingerprint}) is revoked from {date}.</source>
        <translation>กุญแจของ {name} ({fingerprint}) ถูกเพิกถอนตั้งแต่ {date}</translation>
    </message>
    <message>
        <source>The enrolment of {name} moved to the key {fingerprint} (from {date}); the old key no longer signs new work.</source>
        <translation>ย้ายการลงทะเบียนของ {name} ไปที่กุญแจ {fingerprint} แล้ว (ตั้งแต่ {date}) กุญแจเดิมใช้ลงนามงานใหม่ไม่ได้อีก</translation>
    </message>
    <message>
        <source>Export allowed_signers</source>
        <translation>ส่งออก allowed_signers</translation>
    </message>
</context>
<context>
    <name>TrustTableModel</name>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>ลายนิ้วมือกุญแจ</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>ลงทะเบียนเมื่อ</translation>
    </message>
    <message>
        <source>Enrolled by</source>
        <translation>ลงทะเบียนโดย</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>เพิกถอนเมื่อ</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>เปลี่ยนกุญแจเมื่อ</translation>
    </message>
    <message>
        <source>Signs for</source>
        <translation>ลงนามแทน</translation>
    </message>
    <message>
        <source>municipality {code} (self-assessment)</source>
        <translation>เทศบาล {code} (ประเมินตนเอง)</translation>
    </message>
    <message>
        <source>Office key</source>
        <translation>กุญแจสำนักงาน</translation>
    </message>
    <message>
        <source>yes — bundles are encrypted to it</source>
        <translation>ใช่ — ชุดข้อมูลจะเข้ารหัสถึงกุญแจนี้</translation>
    </message>
</context>
<context>
    <name>WelcomeDonePage</name>
    <message>
        <source>Ready</source>
        <translation>พร้อมใช้งาน</translation>
    </message>
    <message>
        <source>Next: give your provincial office your public key (Sync › My signing key › Export public key…) and read them the fingerprint. Then start with Assessments › New assessment.</source>
        <translation>ขั้นต่อไป: มอบกุญแจสาธารณะของท่านให้สำนักงานจังหวัด (รับ–ส่งข้อมูล › กุญแจลงนามของฉัน › ส่งออกกุญแจสาธารณะ…) แล้วอ่านลายนิ้วมือกุญแจให้เจ้าหน้าที่ตรวจ จากนั้นเริ่มที่ แบบประเมิน › สร้างแบบประเมินใหม่</translation>
    </message>
    <message>
        <source>Next: enrol your assessors&apos; public keys (Sync › Trusted assessor keys), then import the bundles they bring (Sync › Receive (import)). Give your assessors and the regional office this office&apos;s public key (Sync › Office signing key).</source>
        <translation>ขั้นต่อไป: ลงทะเบียนกุญแจสาธารณะของผู้ประเมิน (รับ–ส่งข้อมูล › กุญแจผู้ประเมินที่เชื่อถือ) แล้วนำเข้าชุดข้อมูลที่ผู้ประเมินนำมา (รับ–ส่งข้อมูล › รับ (นำเข้า)) และมอบกุญแจสาธารณะของสำนักงานให้ผู้ประเมินและสำนักงานภาค (รับ–ส่งข้อมูล › กุญแจลงนามของสำนักงาน)</translation>
    </message>
    <message>
        <source>Next: enrol the provincial offices&apos; public keys (Sync › Trusted province keys), then import their bundles (Sync › Receive (import)) and follow Coverage.</source>
        <translation>ขั้นต่อไป: ลงทะเบียนกุญแจสาธารณะของสำนักงานจังหวัด (รับ–ส่งข้อมูล › กุญแจจังหวัดที่เชื่อถือ) แล้วนำเข้าชุดข้อมูลของจังหวัด (รับ–ส่งข้อมูล › รับ (นำเข้า)) และติดตามที่ ความครอบคลุม</translation>
    </message>
    <message>
        <source>Next: give your provincial office this public key (Sync › My signing key) to enrol as your municipality&apos;s key. Fill your self-assessment under Assessments › New assessment, finalize it and send it (Sync › Send self-assessment).</source>
        <translation>ขั้นต่อไป: มอบกุญแจสาธารณะนี้ (รับ–ส่งข้อมูล › กุญแจลงนามของฉัน) ให้สำนักงานจังหวัดลงทะเบียนเป็นกุญแจของเทศบาล แล้วกรอกแบบประเมินตนเองที่ แบบประเมิน › สร้างแบบประเมินใหม่ ยืนยันและลงนาม แล้วส่ง (รับ–ส่งข้อมูล › ส่งแบบประเมินตนเอง)</translation>
    </message>
    <message>
        <source>You have no signing key yet: create it on the signing-key page under Sync before you finalize or send.</source>
        <translation>ท่านยังไม่มีกุญแจลงนาม: สร้างได้ที่หน้ากุญแจลงนามใน รับ–ส่งข้อมูล ก่อนยืนยันหรือส่งข้อมูล</translation>
    </message>
    <message>
        <source>Your signing key is ready. Its fingerprint:</source>
        <translation>กุญแจลงนามของท่านพร้อมแล้ว ลายนิ้วมือกุญแจคือ:</translation>
    </message>
</context>
<context>
    <name>WelcomeKeyPage</name>
    <message>
        <source>Your signing key</source>
        <translation>กุญแจลงนามของท่าน</translation>
    </message>
    <message>
        <source>What you finalize and send is signed with a key kept on this computer, protected by a passphrase only you know. Choose one you can remember: it cannot be recovered.</source>
        <translation>ข้อมูลที่ท่านยืนยันและส่งจะลงนามด้วยกุญแจที่เก็บไว้ในเครื่องนี้ ป้องกันด้วยรหัสผ่านที่ท่านรู้เพียงผู้เดียว โปรดเลือกรหัสที่จำได้ เพราะกู้คืนไม่ได้</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>ยืนยันรหัสผ่าน</translation>
    </message>
    <message>
        <source>Create the key later</source>
        <translation>สร้างกุญแจภายหลัง</translation>
    </message>
    <message>
        <source>You can create it any time on the signing-key page under Sync; you need it to finalize and send.</source>
        <translation>สร้างได้ทุกเมื่อที่หน้ากุญแจลงนามใน รับ–ส่งข้อมูล และต้องมีกุญแจก่อนยืนยันและส่งข้อมูล</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>อ่อนมาก</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>อ่อน</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>พอใช้</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>แข็งแรง</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>แข็งแรงมาก</translation>
    </message>
    <message>
        <source>Strength: {label}</source>
        <translation>ความแข็งแรง: {label}</translation>
    </message>
    <message>
        <source>use at least {n} characters</source>
        <translation>ใช้อย่างน้อย {n} ตัวอักษร</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>รหัสผ่านสองช่องไม่ตรงกัน</translation>
    </message>
</context>
<context>
    <name>WelcomePersonPage</name>
    <message>
        <source>About you</source>
        <translation>ข้อมูลผู้ปฏิบัติงาน</translation>
    </message>
    <message>
        <source>Your name is written in the audit log and, when you sign, in what you send.</source>
        <translation>ชื่อของท่านจะบันทึกในประวัติการแก้ไข และในข้อมูลที่ท่านลงนามส่ง</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ–นามสกุล</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>หน่วยงาน</translation>
    </message>
</context>
<context>
    <name>WelcomePlacePage</name>
    <message>
        <source>Where you work</source>
        <translation>พื้นที่รับผิดชอบ</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— ไม่ระบุ —</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <source>Regional office</source>
        <translation>สำนักงานสิ่งแวดล้อมภาค</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>เทศบาล</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— เลือก —</translation>
    </message>
    <message>
        <source>The province you assess in (you can change it later in your profile).</source>
        <translation>จังหวัดที่ท่านประเมิน (เปลี่ยนภายหลังได้ในข้อมูลส่วนตัว)</translation>
    </message>
    <message>
        <source>The province whose municipalities this office reviews.</source>
        <translation>จังหวัดที่สำนักงานนี้พิจารณาผลการประเมินของเทศบาล</translation>
    </message>
    <message>
        <source>The regional environment office this workspace serves.</source>
        <translation>สำนักงานสิ่งแวดล้อมภาคที่พื้นที่ทำงานนี้รับผิดชอบ</translation>
    </message>
    <message>
        <source>A national workspace sees every province; nothing to choose here.</source>
        <translation>พื้นที่ทำงานระดับส่วนกลางเห็นทุกจังหวัด ไม่ต้องเลือก</translation>
    </message>
    <message>
        <source>Your province, then your municipality (type part of its name to find it).</source>
        <translation>เลือกจังหวัด แล้วเลือกเทศบาลของท่าน (พิมพ์บางส่วนของชื่อเพื่อค้นหา)</translation>
    </message>
</context>
<context>
    <name>WelcomeRolePage</name>
    <message>
        <source>Welcome to SECity Desktop</source>
        <translation>ยินดีต้อนรับสู่ SECity Desktop</translation>
    </message>
    <message>
        <source>This workspace keeps the assessments of the Sustainable Environment City programme on this computer. Who works here?</source>
        <translation>พื้นที่ทำงานนี้เก็บผลการประเมินเมืองสิ่งแวดล้อมยั่งยืนไว้ในเครื่องนี้ ใครเป็นผู้ใช้งาน?</translation>
    </message>
</context>
<context>
    <name>YearFilter</name>
    <message>
        <source>All years</source>
        <translation>ทุกปี</translation>
    </message>
</context>
</TS>
