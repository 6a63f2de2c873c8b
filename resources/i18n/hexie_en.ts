<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>ActivitiesList</name>
    <message>
      <source>全部方式</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <source>删除选中的指导服务活动？</source>
      <translation>Delete the selected guidance activities?</translation>
    </message>
    <message>
      <source>活动名称</source>
      <translation>Activity title</translation>
    </message>
    <message>
      <source>登记指导服务…</source>
      <translation>Record guidance…</translation>
    </message>
  </context>
  <context>
    <name>ActivityDialog</name>
    <message>
      <source>　【新办】</source>
      <translation>  [new]</translation>
    </message>
    <message>
      <source>指导服务活动</source>
      <translation>Guidance activities</translation>
    </message>
    <message>
      <source>添加企业…</source>
      <translation>Add enterprise…</translation>
    </message>
    <message>
      <source>照片和材料</source>
      <translation>Photos and materials</translation>
    </message>
    <message>
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>覆盖的企业（名录内，“新办”为近期新登记）</source>
      <translation>Enterprises reached (in the register; “new” = recently registered)</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>从其他文件恢复…</source>
      <translation>Restore from another file…</translation>
    </message>
    <message>
      <source>从所选备份恢复…</source>
      <translation>Restore the selected backup…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>备份与恢复</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <source>备份文件夹：</source>
      <translation>Backup folder:</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>已备份到 %1</source>
      <translation>Backed up to %1</translation>
    </message>
    <message>
      <source>已恢复。恢复前的数据库已备份到 %1</source>
      <translation>Restored. The database as it was before is backed up to %1</translation>
    </message>
    <message>
      <source>恢复</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>打开文件夹</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Dates</translation>
    </message>
    <message>
      <source>更改文件夹…</source>
      <translation>Change folder…</translation>
    </message>
    <message>
      <source>每天首次启动和每次导入前自动备份；保留最近 7 天的全部备份和之前 4 周每周一份。可把文件夹设在另一块硬盘或 U 盘上。</source>
      <translation>A backup is made at the first start each day and before every import; all backups of the last 7 days are kept, then one a week for 4 weeks. The folder may be on another disk or a USB stick.</translation>
    </message>
    <message>
      <source>用这个备份替换当前数据库？

备份时间：%1
单位：%2
%3

替换前会先备份当前数据库。</source>
      <translation>Replace the current database with this backup?

Made: %1
Office: %2
%3

The current database is backed up first.</translation>
    </message>
    <message>
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>该备份已损坏或不是和谐台账的备份，不能恢复：%1
请选择其他备份。</source>
      <translation>This backup is damaged or not a Hexie Desk backup and cannot be restored: %1
Please choose another backup.</translation>
    </message>
    <message>
      <source>请先选中一个备份。</source>
      <translation>Select a backup first.</translation>
    </message>
    <message>
      <source>选择备份文件</source>
      <translation>Choose a backup file</translation>
    </message>
    <message>
      <source>选择备份文件夹</source>
      <translation>Choose the backup folder</translation>
    </message>
  </context>
  <context>
    <name>CampaignDialog</name>
    <message>
      <source>专项行动</source>
      <translation>Campaigns</translation>
    </message>
    <message>
      <source>体检任务</source>
      <translation>Planned checks</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>删除所选行</source>
      <translation>Delete selected row</translation>
    </message>
    <message>
      <source>删除这个专项行动？已登记的体检等记录不会被删除。</source>
      <translation>Delete this campaign? Checks and other records are kept.</translation>
    </message>
    <message>
      <source>县（市、区）</source>
      <translation>County</translation>
    </message>
    <message>
      <source>发文日期</source>
      <translation>Issued on</translation>
    </message>
    <message>
      <source>发文机关</source>
      <translation>Issuing office</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>增加一行</source>
      <translation>Add a row</translation>
    </message>
    <message>
      <source>实施方案</source>
      <translation>Implementation plan</translation>
    </message>
    <message>
      <source>工作措施</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>已保存。</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>平协调三方办〔2023〕3号</source>
      <translation>e.g. "平协调三方办〔2023〕3号"</translation>
    </message>
    <message>
      <source>年度（按 2023 年通知的阶段和措施生成，可再修改）：</source>
      <translation>Year (phases and measures from the 2023 notice; editable):</translation>
    </message>
    <message>
      <source>开始</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>开始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>总结报送截止</source>
      <translation>Summary due</translation>
    </message>
    <message>
      <source>打印实施方案…</source>
      <translation>Print the plan…</translation>
    </message>
    <message>
      <source>按 2023 年通知新建…</source>
      <translation>New from the 2023 notice…</translation>
    </message>
    <message>
      <source>文号</source>
      <translation>Document number</translation>
    </message>
    <message>
      <source>新建专项行动</source>
      <translation>New campaign</translation>
    </message>
    <message>
      <source>时间进度</source>
      <translation>Schedule</translation>
    </message>
    <message>
      <source>结束</source>
      <translation>End</translation>
    </message>
    <message>
      <source>结束日期</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>计划体检企业数</source>
      <translation>Planned checks</translation>
    </message>
    <message>
      <source>设为当前</source>
      <translation>Make current</translation>
    </message>
    <message>
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <source>阶段</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>阶段安排</source>
      <translation>Phases</translation>
    </message>
    <message>
      <source>（当前）</source>
      <translation> (current)</translation>
    </message>
  </context>
  <context>
    <name>CampaignMerge</name>
    <message>
      <source>发文单位</source>
      <translation>Issuer</translation>
    </message>
    <message>
      <source>发文日期</source>
      <translation>Issued on</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>工作措施</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>开始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>总结报送截止日期</source>
      <translation>Report due</translation>
    </message>
    <message>
      <source>文号</source>
      <translation>Document number</translation>
    </message>
    <message>
      <source>结束日期</source>
      <translation>End date</translation>
    </message>
    <message>
      <source>阶段安排</source>
      <translation>Phases</translation>
    </message>
  </context>
  <context>
    <name>CaseDialog</name>
    <message>
      <source>典型案例</source>
      <translation>Typical cases</translation>
    </message>
    <message>
      <source>相关企业：%1（点击更换）</source>
      <translation>Enterprise: %1 (click to change)</translation>
    </message>
    <message>
      <source>选择相关企业（可不选）…</source>
      <translation>Choose an enterprise (optional)…</translation>
    </message>
    <message>
      <source>附件</source>
      <translation>Attachments</translation>
    </message>
  </context>
  <context>
    <name>CasesList</name>
    <message>
      <source>全部类别</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <source>删除选中的典型案例？</source>
      <translation>Delete the selected typical cases?</translation>
    </message>
    <message>
      <source>只看写入总结的</source>
      <translation>Only those in the report</translation>
    </message>
    <message>
      <source>新增典型案例…</source>
      <translation>New typical case…</translation>
    </message>
    <message>
      <source>案例标题</source>
      <translation>Case title</translation>
    </message>
  </context>
  <context>
    <name>ChangeWatch</name>
    <message numerus="yes">
      <source>其他同事刚更新了 %n 条记录</source>
      <translation>
        <numerusform>Colleagues just changed %n record(s)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Chart</name>
    <message>
      <source>导出图片</source>
      <translation>Export picture</translation>
    </message>
    <message>
      <source>导出图片…</source>
      <translation>Export picture…</translation>
    </message>
    <message>
      <source>点击查看明细</source>
      <translation>Click for the list</translation>
    </message>
  </context>
  <context>
    <name>CheckDialog</name>
    <message>
      <source>%1（%2的版本）</source>
      <translation>%1 (%2's edition)</translation>
    </message>
    <message>
      <source>体检日期</source>
      <translation>Check date</translation>
    </message>
    <message>
      <source>体检清单第 %1 版</source>
      <translation>Checklist edition %1</translation>
    </message>
    <message>
      <source>保存并定稿</source>
      <translation>Save and finalise</translation>
    </message>
    <message>
      <source>保存更正</source>
      <translation>Save amendment</translation>
    </message>
    <message>
      <source>保存草稿</source>
      <translation>Save draft</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>合规 %1 项，不合规 %2 项，不适用 %3 项，未查 %4 项。每个不合规项将生成一条整改事项。</source>
      <translation>%1 compliant, %2 non-compliant, %3 not applicable, %4 not checked. Each non-compliant item becomes a rectification item.</translation>
    </message>
    <message>
      <source>已保存更正。</source>
      <translation>Amendment saved.</translation>
    </message>
    <message>
      <source>已定稿</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>已定稿，生成整改事项 %1 条。</source>
      <translation>Finalised; %1 rectification items made.</translation>
    </message>
    <message>
      <source>整改事项</source>
      <translation>Rectification items</translation>
    </message>
    <message>
      <source>整改事项（%1）</source>
      <translation>Rectification items (%1)</translation>
    </message>
    <message>
      <source>新建</source>
      <translation>New</translation>
    </message>
    <message>
      <source>更正…</source>
      <translation>Amend…</translation>
    </message>
    <message>
      <source>更正理由（必填），如：企业补交了劳动合同，A01 复核为合规</source>
      <translation>Reason for the amendment (required), e.g. the enterprise produced the contracts, A01 re-checked as compliant</translation>
    </message>
    <message>
      <source>更正记录</source>
      <translation>Amendments</translation>
    </message>
    <message>
      <source>检查组</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>检查结果</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>法治体检记录</source>
      <translation>Legal health check</translation>
    </message>
    <message>
      <source>结论与建议</source>
      <translation>Conclusion and advice</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>被检查企业</source>
      <translation>Enterprise</translation>
    </message>
    <message>
      <source>请注意</source>
      <translation>Please note</translation>
    </message>
    <message>
      <source>选择企业…</source>
      <translation>Choose enterprise…</translation>
    </message>
    <message>
      <source>（尚未选择）</source>
      <translation>(none chosen)</translation>
    </message>
    <message>
      <source>（更正中）</source>
      <translation> (amending)</translation>
    </message>
  </context>
  <context>
    <name>CheckMerge</name>
    <message>
      <source>不合规</source>
      <translation>Not compliant</translation>
    </message>
    <message>
      <source>不适用</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <source>企业负责人</source>
      <translation>Enterprise representative</translation>
    </message>
    <message>
      <source>体检人员</source>
      <translation>Check team</translation>
    </message>
    <message>
      <source>体检日期</source>
      <translation>Check date</translation>
    </message>
    <message>
      <source>体检机构负责人</source>
      <translation>Office representative</translation>
    </message>
    <message>
      <source>体检结论</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>农民工人数</source>
      <translation>Migrant workers</translation>
    </message>
    <message>
      <source>劳务派遣人数</source>
      <translation>Dispatched workers</translation>
    </message>
    <message>
      <source>合规</source>
      <translation>Compliant</translation>
    </message>
    <message>
      <source>工资已足额发放至（年-月）</source>
      <translation>Wages paid in full through (year-month)</translation>
    </message>
    <message>
      <source>已签劳动合同人数</source>
      <translation>Contracts signed</translation>
    </message>
    <message>
      <source>意见建议</source>
      <translation>Advice</translation>
    </message>
    <message>
      <source>拖欠工资金额（元）</source>
      <translation>Wages owed (yuan)</translation>
    </message>
    <message>
      <source>未检查</source>
      <translation>Not checked</translation>
    </message>
    <message>
      <source>第 %1 项检查结果</source>
      <translation>Result of item %1</translation>
    </message>
    <message>
      <source>职工人数</source>
      <translation>Staff</translation>
    </message>
    <message>
      <source>被拖欠工资人数</source>
      <translation>Workers owed wages</translation>
    </message>
  </context>
  <context>
    <name>ChecklistDialog</name>
    <message>
      <source>%1 %2 第 %3 版 %4 次</source>
      <translation>%1: %2 edition %3, %4 checks</translation>
    </message>
    <message>
      <source>中</source>
      <translation>Medium</translation>
    </message>
    <message>
      <source>从 .xlsx 导入…</source>
      <translation>Import from .xlsx…</translation>
    </message>
    <message>
      <source>低</source>
      <translation>Low</translation>
    </message>
    <message>
      <source>体检清单</source>
      <translation>Checklist</translation>
    </message>
    <message>
      <source>体检清单设置</source>
      <translation>Checklist settings</translation>
    </message>
    <message>
      <source>保存为新版本</source>
      <translation>Save as new edition</translation>
    </message>
    <message>
      <source>停用</source>
      <translation>Retired</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>历史版本：</source>
      <translation>Editions: </translation>
    </message>
    <message>
      <source>各单位体检使用的清单版本：</source>
      <translation>Checklist editions used by each office's checks: </translation>
    </message>
    <message>
      <source>导入体检清单</source>
      <translation>Import checklist</translation>
    </message>
    <message>
      <source>导入的清单有以下问题，请修改后再保存：</source>
      <translation>The imported checklist has these problems; correct them before saving:</translation>
    </message>
    <message>
      <source>导出 .xlsx…</source>
      <translation>Export .xlsx…</translation>
    </message>
    <message>
      <source>导出体检清单</source>
      <translation>Export checklist</translation>
    </message>
    <message>
      <source>工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <source>已保存为第 %1 版。</source>
      <translation>Saved as edition %1.</translation>
    </message>
    <message>
      <source>已读入 %1 项，检查无误后点“保存为新版本”。</source>
      <translation>%1 items read. Check them, then click "Save as new edition".</translation>
    </message>
    <message>
      <source>当前：%1 第 %2 版。保存修改会生成新版本，已做过的体检仍按原版本显示和打印。</source>
      <translation>Current: %1, edition %2. Saving changes makes a new edition; checks already done keep showing and printing their own edition.</translation>
    </message>
    <message>
      <source>整改建议</source>
      <translation>Remedy</translation>
    </message>
    <message>
      <source>新增项目</source>
      <translation>Add item</translation>
    </message>
    <message>
      <source>日</source>
      <translation>days</translation>
    </message>
    <message>
      <source>期限</source>
      <translation>Days</translation>
    </message>
    <message>
      <source>检查内容</source>
      <translation>Question</translation>
    </message>
    <message>
      <source>法律依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>清单有以下问题，未保存：</source>
      <translation>The checklist was not saved; please fix:</translation>
    </message>
    <message>
      <source>第 %1 版 %2 项</source>
      <translation>edition %1, %2 items</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Group</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>适用条件</source>
      <translation>Applies to</translation>
    </message>
    <message>
      <source>问题表述（不合规时）</source>
      <translation>Finding (when not compliant)</translation>
    </message>
    <message>
      <source>风险</source>
      <translation>Severity</translation>
    </message>
    <message>
      <source>高</source>
      <translation>High</translation>
    </message>
    <message>
      <source>（全部企业）</source>
      <translation>(all enterprises)</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>ColumnMapping</name>
    <message>
      <source>导入为</source>
      <translation>Import as</translation>
    </message>
    <message>
      <source>文件中的列</source>
      <translation>Column in the file</translation>
    </message>
    <message>
      <source>（不导入）</source>
      <translation>(not imported)</translation>
    </message>
  </context>
  <context>
    <name>ConclusionPage</name>
    <message>
      <source>企业整改负责人</source>
      <translation>Person responsible at the enterprise</translation>
    </message>
    <message>
      <source>体检结论</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>改进建议</source>
      <translation>Advice</translation>
    </message>
    <message>
      <source>本单位责任人</source>
      <translation>Responsible officer</translation>
    </message>
    <message>
      <source>用按检查结果拟写的结论和建议</source>
      <translation>Use the conclusion and advice drafted from the results</translation>
    </message>
    <message>
      <source>程序按检查结果拟写的结论（中文，印在体检报告上），可一键采用。</source>
      <translation>A conclusion drafted from the results (in Chinese, as printed on the report) can be used with one click.</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <source>保留本方</source>
      <translation>Keep ours</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>双方都修改过的记录：两个版本都保留，请逐条选择。未处理前本方的版本不变。</source>
      <translation>Records changed on both sides: both versions are kept; choose one for each. Ours stays until you do.</translation>
    </message>
    <message>
      <source>发现时间</source>
      <translation>Found</translation>
    </message>
    <message>
      <source>同步冲突</source>
      <translation>Sync conflicts</translation>
    </message>
    <message>
      <source>字段</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>对方</source>
      <translation>Theirs</translation>
    </message>
    <message>
      <source>按勾选逐项合并</source>
      <translation>Merge the ticked fields</translation>
    </message>
    <message>
      <source>本方</source>
      <translation>Ours</translation>
    </message>
    <message>
      <source>来自</source>
      <translation>From</translation>
    </message>
    <message>
      <source>记录类型</source>
      <translation>Record type</translation>
    </message>
    <message>
      <source>采用对方</source>
      <translation>Take theirs</translation>
    </message>
  </context>
  <context>
    <name>CountyFilter</name>
    <message>
      <source>全部县区</source>
      <translation>All counties</translation>
    </message>
  </context>
  <context>
    <name>DashboardClicks</name>
    <message>
      <source>%1%2的整改事项</source>
      <translation>%1: %2 ledger items</translation>
    </message>
    <message>
      <source>%1处置中的重大风险隐患</source>
      <translation>%1: major risks being handled</translation>
    </message>
    <message>
      <source>%1已定稿的体检</source>
      <translation>%1: final health checks</translation>
    </message>
    <message>
      <source>%1的%2企业</source>
      <translation>%1: %2 enterprises</translation>
    </message>
    <message>
      <source>%1的裁员备案</source>
      <translation>%1: layoff filings</translation>
    </message>
    <message>
      <source>“%1”阶段（%2 至 %3）</source>
      <translation>Phase “%1” (%2 to %3)</translation>
    </message>
    <message>
      <source>专项行动期间发现的整改事项</source>
      <translation>Ledger items found during the campaign</translation>
    </message>
    <message>
      <source>专项行动期间已定稿的体检</source>
      <translation>Final health checks during the campaign</translation>
    </message>
    <message>
      <source>专项行动期间的裁员备案</source>
      <translation>Layoff filings during the campaign</translation>
    </message>
    <message>
      <source>专项行动期间的要约</source>
      <translation>Offers during the campaign</translation>
    </message>
    <message>
      <source>中风险</source>
      <translation>Medium risk</translation>
    </message>
    <message>
      <source>处置中的重大风险隐患</source>
      <translation>Major risks being handled</translation>
    </message>
    <message>
      <source>已销号</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>截至%1发现的整改事项</source>
      <translation>Ledger items found up to %1</translation>
    </message>
    <message>
      <source>未销号</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>本专项行动的指导服务</source>
      <translation>Guidance in this campaign</translation>
    </message>
    <message>
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>高风险</source>
      <translation>High risk</translation>
    </message>
    <message>
      <source>高风险企业</source>
      <translation>High-risk enterprises</translation>
    </message>
  </context>
  <context>
    <name>DashboardTab</name>
    <message>
      <source>专项行动期间（%1）发出或收到的要约；点击查看</source>
      <translation>Offers made or received in the campaign period (%1); click to see them</translation>
    </message>
    <message>
      <source>专项行动期间（%1）发现的整改事项；点击查看</source>
      <translation>Rectification items found in the campaign period (%1); click to see them</translation>
    </message>
    <message>
      <source>专项行动期间（%1）已定稿的体检（不含草稿）；点击查看这些体检</source>
      <translation>Final health checks in the campaign period (%1), drafts not counted; click to see them</translation>
    </message>
    <message>
      <source>专项行动期间（%1）的裁员备案；点击查看</source>
      <translation>Layoff filings in the campaign period (%1); click to see them</translation>
    </message>
    <message>
      <source>专项行动设置…</source>
      <translation>Campaign settings…</translation>
    </message>
    <message>
      <source>专项行动：</source>
      <translation>Campaign:</translation>
    </message>
    <message>
      <source>中风险</source>
      <translation>Medium risk</translation>
    </message>
    <message>
      <source>份数</source>
      <translation>Offers</translation>
    </message>
    <message>
      <source>企业风险等级</source>
      <translation>Enterprise risk levels</translation>
    </message>
    <message>
      <source>体检进度（虚线为计划数）</source>
      <translation>Health checks (dashed line: planned)</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>发现问题</source>
      <translation>Found</translation>
    </message>
    <message>
      <source>处置中</source>
      <translation>Being handled</translation>
    </message>
    <message>
      <source>处置中的重大风险隐患
%1 起（全部）</source>
      <translation>Major risks in hand
%1 (all)</translation>
    </message>
    <message>
      <source>导出图表</source>
      <translation>Export charts</translation>
    </message>
    <message>
      <source>导出图表…</source>
      <translation>Export charts…</translation>
    </message>
    <message>
      <source>工作总结…</source>
      <translation>Summary report…</translation>
    </message>
    <message>
      <source>已体检企业（家）</source>
      <translation>Enterprises checked</translation>
    </message>
    <message>
      <source>已再就业</source>
      <translation>Re-employed</translation>
    </message>
    <message>
      <source>已销号</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>指导服务（按方式）</source>
      <translation>Guidance (by kind)</translation>
    </message>
    <message>
      <source>整改事项</source>
      <translation>Rectification items</translation>
    </message>
    <message>
      <source>整改进度（累计）</source>
      <translation>Rectification progress (running total)</translation>
    </message>
    <message>
      <source>新建本年度专项行动…</source>
      <translation>New campaign for this year…</translation>
    </message>
    <message>
      <source>无法写入图片：%1。请换一个文件夹。</source>
      <translation>Cannot write the picture: %1. Please choose another folder.</translation>
    </message>
    <message>
      <source>无法统计本次行动</source>
      <translation>Cannot count this campaign</translation>
    </message>
    <message>
      <source>未销号（含逾期）</source>
      <translation>Open (incl. overdue)</translation>
    </message>
    <message>
      <source>本期体检 %1 次
计划 %2 家</source>
      <translation>Period: %1 checks
planned %2</translation>
    </message>
    <message>
      <source>本期发现整改 %1 项
已销号 %2 · 逾期 %3</source>
      <translation>Period: %1 items found
closed %2 · overdue %3</translation>
    </message>
    <message>
      <source>本期裁员备案 %1 件
涉及 %2 人</source>
      <translation>Period: %1 layoffs
%2 people</translation>
    </message>
    <message>
      <source>本期要约 %1 份
签订集体合同 %2 份</source>
      <translation>Period: %1 offers
%2 contracts signed</translation>
    </message>
    <message>
      <source>本行动指导服务 %1 次
覆盖企业 %2 家</source>
      <translation>Campaign: %1 guidance
%2 enterprises reached</translation>
    </message>
    <message>
      <source>活动次数</source>
      <translation>Activities</translation>
    </message>
    <message>
      <source>裁减人数</source>
      <translation>People laid off</translation>
    </message>
    <message>
      <source>裁员备案</source>
      <translation>Layoff filings</translation>
    </message>
    <message>
      <source>还没有专项行动。新建本年度的专项行动后，这里显示各阶段进度和各项统计。（按 2023 年通知的阶段和措施生成，可再修改。）</source>
      <translation>No campaign yet. Once this year's campaign is created, its phases and figures show here. (It starts from the 2023 notice's phases and measures; edit as needed.)</translation>
    </message>
    <message>
      <source>选择保存图表的文件夹</source>
      <translation>Choose a folder for the charts</translation>
    </message>
    <message>
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>重大风险隐患（处置中）</source>
      <translation>Major risks (being handled)</translation>
    </message>
    <message>
      <source>阶段安排</source>
      <translation>Phases</translation>
    </message>
    <message>
      <source>集体协商要约（按阶段）</source>
      <translation>Negotiation offers (by stage)</translation>
    </message>
    <message>
      <source>高风险</source>
      <translation>High risk</translation>
    </message>
    <message>
      <source>高风险企业 %1 家（全部）
中风险 %2 家</source>
      <translation>High risk %1 (all)
medium %2</translation>
    </message>
  </context>
  <context>
    <name>EnterpriseField</name>
    <message>
      <source>选择企业…</source>
      <translation>Choose enterprise…</translation>
    </message>
    <message>
      <source>（尚未选择）</source>
      <translation>(none chosen)</translation>
    </message>
  </context>
  <context>
    <name>EnterprisePicker</name>
    <message>
      <source>输入企业名称、信用代码或拼音首字母</source>
      <translation>Type a name, credit code or pinyin initials</translation>
    </message>
    <message>
      <source>选择企业</source>
      <translation>Choose enterprise</translation>
    </message>
  </context>
  <context>
    <name>EnterpriseTab</name>
    <message>
      <source>仅平台企业</source>
      <translation>Platform enterprises only</translation>
    </message>
    <message>
      <source>企业</source>
      <translation>Enterprise</translation>
    </message>
    <message>
      <source>体检记录</source>
      <translation>Checks</translation>
    </message>
    <message>
      <source>修改记录</source>
      <translation>History</translation>
    </message>
    <message>
      <source>全部行业</source>
      <translation>All industries</translation>
    </message>
    <message>
      <source>全部规模</source>
      <translation>All sizes</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 家</source>
      <translation>
        <numerusform>%n enterprises</numerusform>
      </translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>删除企业</source>
      <translation>Delete enterprises</translation>
    </message>
    <message>
      <source>导入名录…</source>
      <translation>Import list…</translation>
    </message>
    <message>
      <source>平台企业：全部</source>
      <translation>Platform: all</translation>
    </message>
    <message>
      <source>打印空白体检表</source>
      <translation>Print blank check forms</translation>
    </message>
    <message>
      <source>打印空白体检表 ▾</source>
      <translation>Blank check forms ▾</translation>
    </message>
    <message>
      <source>搜索：企业名称、信用代码开头或拼音首字母（如 pdsmk）</source>
      <translation>Search: name, start of credit code, or pinyin initials (e.g. pdsmk)</translation>
    </message>
    <message>
      <source>整改台账</source>
      <translation>Rectification ledger</translation>
    </message>
    <message numerus="yes">
      <source>新办企业（成立不满 %n 个月）</source>
      <translation>
        <numerusform>New (under %n months)</numerusform>
      </translation>
    </message>
    <message>
      <source>新增企业</source>
      <translation>New enterprise</translation>
    </message>
    <message>
      <source>新建体检</source>
      <translation>New check</translation>
    </message>
    <message numerus="yes">
      <source>确定删除选中的 %n 家企业吗？删除会记入操作日志，并随同步包报送。</source>
      <translation>
        <numerusform>Delete the %n selected enterprises? The deletion is written to the audit log and sent with sync bundles.</numerusform>
      </translation>
    </message>
    <message>
      <source>编辑</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>编辑企业</source>
      <translation>Edit enterprise</translation>
    </message>
    <message>
      <source>编辑企业：%1</source>
      <translation>Edit enterprise: %1</translation>
    </message>
    <message>
      <source>请先在列表中选中一家企业。</source>
      <translation>Select an enterprise in the list first.</translation>
    </message>
    <message>
      <source>请先在列表中选中企业（可按住 Ctrl 或 Shift 多选）。</source>
      <translation>Select enterprises in the list first (Ctrl or Shift selects several).</translation>
    </message>
    <message>
      <source>请先在列表中选中要删除的企业。</source>
      <translation>Select the enterprises to delete first.</translation>
    </message>
    <message>
      <source>非平台企业</source>
      <translation>Not platform enterprises</translation>
    </message>
    <message>
      <source>风险等级上升</source>
      <translation>Risk rose</translation>
    </message>
    <message>
      <source>风险隐患</source>
      <translation>Risks</translation>
    </message>
    <message>
      <source>风险：</source>
      <translation>Risk: </translation>
    </message>
    <message>
      <source>风险：全部</source>
      <translation>Risk: all</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>保存到</source>
      <translation>Save to</translation>
    </message>
    <message>
      <source>保存到（如 U 盘）</source>
      <translation>Save to (e.g. a USB stick)</translation>
    </message>
    <message>
      <source>全量（默认只含对方尚未确认收到的变动）</source>
      <translation>Full (by default only changes the recipient has not yet confirmed)</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>包含佐证材料文件（扫描件、照片等，文件会变大）</source>
      <translation>Include evidence files (scans, photos; the bundle grows)</translation>
    </message>
    <message>
      <source>单个文件不超过</source>
      <translation>Largest file</translation>
    </message>
    <message>
      <source>同时生成邮件草稿（.eml，Outlook、Foxmail、Thunderbird 可直接打开发送）</source>
      <translation>Also write an e-mail draft (.eml) that Outlook, Foxmail or Thunderbird open ready to send</translation>
    </message>
    <message>
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>导出同步包</source>
      <translation>Export sync bundle</translation>
    </message>
    <message>
      <source>已导出第 %1 号同步包：%2
%3</source>
      <translation>Bundle %1 written: %2
%3</translation>
    </message>
    <message>
      <source>接收单位</source>
      <translation>Recipient</translation>
    </message>
    <message>
      <source>正在导出同步包</source>
      <translation>Exporting the sync bundle</translation>
    </message>
    <message>
      <source>没有新的变动</source>
      <translation>No new changes</translation>
    </message>
    <message>
      <source>还没有信任的单位：请先在“设置 → 密钥与信任的单位”中导入对方公钥。</source>
      <translation>No trusted office yet: import the recipient's public key in Settings → Keys first.</translation>
    </message>
    <message>
      <source>选择文件夹…</source>
      <translation>Choose folder…</translation>
    </message>
  </context>
  <context>
    <name>FilesBox</name>
    <message>
      <source>%1（保存后添加）</source>
      <translation>%1 (added on saving)</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>添加照片或材料</source>
      <translation>Add photos or materials</translation>
    </message>
    <message>
      <source>添加照片或材料…</source>
      <translation>Add photos or materials…</translation>
    </message>
    <message>
      <source>添加附件</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <source>（文件已被改动）</source>
      <translation> (file altered)</translation>
    </message>
    <message>
      <source>（文件缺失）</source>
      <translation> (file missing)</translation>
    </message>
  </context>
  <context>
    <name>FormReview</name>
    <message>
      <source>%1 项读数无法确定（黄色），请对照扫描件逐项选择并勾选“已核对”。</source>
      <translation>%1 readings are unclear (yellow): compare each with the scan, choose the reading and tick “Checked”.</translation>
    </message>
    <message>
      <source>%1　表单 %2　清单第 %3 版　已扫描 %4 / %5 页</source>
      <translation>%1   form %2   checklist edition %3   %4 of %5 pages scanned</translation>
    </message>
    <message>
      <source>　缺第 %1 页：该页各项须人工填写。</source>
      <translation>  Page %1 missing: enter its items by hand.</translation>
    </message>
    <message>
      <source>保存为体检草稿</source>
      <translation>Save as draft check</translation>
    </message>
    <message>
      <source>保存并定稿</source>
      <translation>Save and finalise</translation>
    </message>
    <message>
      <source>全部读数清楚。请核对后保存。</source>
      <translation>Every reading is clear. Check them, then save.</translation>
    </message>
    <message>
      <source>已保存为体检记录（%1），整改事项 %2 条，扫描件 %3 页已作为佐证保存。</source>
      <translation>Saved as a health check (%1) with %2 rectification items; %3 scanned pages kept as evidence.</translation>
    </message>
    <message>
      <source>已定稿</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>还有 %1 项无法确定的读数未核对：%2。请对照扫描件选择读数并勾选“已核对”。</source>
      <translation>%1 unclear readings not yet checked: %2. Compare each with the scan, choose the reading and tick “Checked”.</translation>
    </message>
  </context>
  <context>
    <name>GuidanceTab</name>
    <message>
      <source>全部专项行动</source>
      <translation>All campaigns</translation>
    </message>
    <message>
      <source>典型案例</source>
      <translation>Typical cases</translation>
    </message>
    <message>
      <source>指导服务活动</source>
      <translation>Guidance activities</translation>
    </message>
  </context>
  <context>
    <name>HandwrittenFields</name>
    <message>
      <source>体检日期</source>
      <translation>Check date</translation>
    </message>
    <message>
      <source>体检结论</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>体检结论与改进建议</source>
      <translation>Conclusion and advice</translation>
    </message>
    <message>
      <source>劳动争议仲裁调解员</source>
      <translation>Labour dispute mediator</translation>
    </message>
    <message>
      <source>劳动关系协调员</source>
      <translation>Labour relations coordinator</translation>
    </message>
    <message>
      <source>姓名，多人用顿号分隔</source>
      <translation>Names, separated by 、 or commas</translation>
    </message>
    <message>
      <source>工会劳动法律监督员</source>
      <translation>Union labour-law supervisor</translation>
    </message>
    <message>
      <source>手写内容（请照扫描件填写）</source>
      <translation>Handwritten (type from the scan)</translation>
    </message>
    <message>
      <source>改进建议</source>
      <translation>Advice</translation>
    </message>
    <message>
      <source>集体协商指导员</source>
      <translation>Collective negotiation instructor</translation>
    </message>
    <message>
      <source>（该页未扫描）</source>
      <translation>(page not scanned)</translation>
    </message>
  </context>
  <context>
    <name>HealthCheckTab</name>
    <message>
      <source>仅有未销号问题的</source>
      <translation>With open findings only</translation>
    </message>
    <message>
      <source>体检报告</source>
      <translation>Check report</translation>
    </message>
    <message>
      <source>体检记录</source>
      <translation>Checks</translation>
    </message>
    <message>
      <source>保存%1</source>
      <translation>Save %1</translation>
    </message>
    <message>
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 次体检</source>
      <translation>
        <numerusform>%n checks</numerusform>
      </translation>
    </message>
    <message>
      <source>删除草稿</source>
      <translation>Delete draft</translation>
    </message>
    <message>
      <source>已定稿</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>打开体检</source>
      <translation>Open check</translation>
    </message>
    <message>
      <source>按专项行动…</source>
      <translation>By campaign…</translation>
    </message>
    <message>
      <source>按企业名称、信用代码或拼音首字母查找</source>
      <translation>Find by enterprise name, credit code or pinyin initials</translation>
    </message>
    <message>
      <source>整改建议书</source>
      <translation>Rectification advice</translation>
    </message>
    <message>
      <source>新建体检…</source>
      <translation>New check…</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>正在生成%1</source>
      <translation>Making %1</translation>
    </message>
    <message>
      <source>确定删除选中的体检草稿及其整改事项吗？</source>
      <translation>Delete the selected draft checks and their rectification items?</translation>
    </message>
    <message>
      <source>空白现场记录表（选中体检的企业）</source>
      <translation>Blank field forms (enterprises of the selected checks)</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>请先在列表中选中一次体检。</source>
      <translation>Select a check in the list first.</translation>
    </message>
    <message>
      <source>请先在列表中选中体检。</source>
      <translation>Select checks in the list first.</translation>
    </message>
    <message>
      <source>请先在列表中选中要打印的体检。</source>
      <translation>Select the checks to print first.</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <source>修改</source>
      <translation>Changed</translation>
    </message>
    <message>
      <source>修改记录：%1</source>
      <translation>History: %1</translation>
    </message>
    <message>
      <source>内容</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>操作</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>操作员</source>
      <translation>Operator</translation>
    </message>
    <message>
      <source>新建</source>
      <translation>New</translation>
    </message>
    <message>
      <source>时间（UTC）</source>
      <translation>Time (UTC)</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <source>不合规：</source>
      <translation>Non-compliant: </translation>
    </message>
    <message>
      <source>定稿时的原始结果：</source>
      <translation>Results as finalised:</translation>
    </message>
    <message>
      <source>无更正。</source>
      <translation>No amendments.</translation>
    </message>
  </context>
  <context>
    <name>HolidaysDialog</name>
    <message>
      <source>%1 年的法定节假日已内置（chinesecalendar），无需录入；此处录入的日期会优先使用。</source>
      <translation>The statutory holidays of %1 are built in (chinesecalendar); nothing to enter. Days entered here take precedence.</translation>
    </message>
    <message>
      <source>%1 年的节假日尚未录入：工作日暂按估算计算（周末和法定节假日，春节、清明、端午、中秋按农历推算，调休上班日未计；下表灰色为估算的放假日）。国务院办公厅公布放假安排后请在此录入。</source>
      <translation>The holidays of %1 have not been entered: working days are estimated for now (weekends and the statutory holidays, with the Spring Festival, Qingming, Dragon Boat and Mid-Autumn computed from the lunar calendar; weekend days worked in exchange are not counted; estimated holidays are grey below). Enter them here once the General Office of the State Council publishes the arrangements.</translation>
    </message>
    <message>
      <source>%1 年的节假日已由本单位录入完整。</source>
      <translation>The holidays of %1 have been entered completely by this office.</translation>
    </message>
    <message>
      <source>“调休上班”只用于周六、周日；%1 本来就是工作日。</source>
      <translation>"Worked day" is only for a Saturday or Sunday; %1 is a working day anyway.</translation>
    </message>
    <message>
      <source>从表格导入…</source>
      <translation>Import from spreadsheet…</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>删除选中</source>
      <translation>Delete selected</translation>
    </message>
    <message>
      <source>名称</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>如：春节</source>
      <translation>e.g. Spring Festival</translation>
    </message>
    <message>
      <source>导入节假日</source>
      <translation>Import holidays</translation>
    </message>
    <message>
      <source>已导入 %1 天。</source>
      <translation>%1 days imported.</translation>
    </message>
    <message>
      <source>年份</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>提前提醒（工作日）</source>
      <translation>Remind ahead (working days)</translation>
    </message>
    <message>
      <source>放假</source>
      <translation>Holiday</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>期限最后一天是节假日或周末的，顺延到下一个工作日（《民法典》第203条）</source>
      <translation>When a period ends on a holiday or weekend, it ends on the next working day (Civil Code art. 203)</translation>
    </message>
    <message>
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>节假日与提醒</source>
      <translation>Holidays and reminders</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>该年节假日已全部录入</source>
      <translation>All holidays of this year are entered</translation>
    </message>
    <message>
      <source>调休上班</source>
      <translation>Worked day</translation>
    </message>
    <message>
      <source>（估算）</source>
      <translation> (estimate)</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>保存问题清单</source>
      <translation>Save problem list</translation>
    </message>
    <message>
      <source>保存问题清单…</source>
      <translation>Save problem list…</translation>
    </message>
    <message>
      <source>列对应关系（可修改）：</source>
      <translation>Column mapping (you can change it):</translation>
    </message>
    <message>
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>处理</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>导入企业名录：%1</source>
      <translation>Import enterprise list: %1</translation>
    </message>
    <message>
      <source>导入已取消</source>
      <translation>Import cancelled</translation>
    </message>
    <message>
      <source>导入已取消，数据库未作任何改动。</source>
      <translation>The import was cancelled; the database was not changed.</translation>
    </message>
    <message>
      <source>工作表：</source>
      <translation>Sheet:</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>正在导入 %1</source>
      <translation>Importing %1</translation>
    </message>
    <message>
      <source>正在检查 %1</source>
      <translation>Checking %1</translation>
    </message>
    <message>
      <source>正在检查…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>第 %1 行为表头。将新增 %2 家，更新 %3 家，无变化 %4 家，跳过 %5 行。</source>
      <translation>Header in row %1. %2 to add, %3 to update, %4 unchanged, %5 rows skipped.</translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>跳过</source>
      <translation>Skipped</translation>
    </message>
    <message>
      <source>问题行：</source>
      <translation>Rows with problems:</translation>
    </message>
    <message>
      <source>（第 %1 列）</source>
      <translation>(column %1)</translation>
    </message>
  </context>
  <context>
    <name>ImportPreview</name>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>按新的对应关系重新检查</source>
      <translation>Check again with this mapping</translation>
    </message>
    <message>
      <source>无法导入：%1</source>
      <translation>Cannot import: %1</translation>
    </message>
    <message>
      <source>正在读取文件…</source>
      <translation>Reading the file…</translation>
    </message>
  </context>
  <context>
    <name>ItemReviewTable</name>
    <message>
      <source>可信度 %1</source>
      <translation>Confidence %1</translation>
    </message>
    <message>
      <source>已核对</source>
      <translation>Checked</translation>
    </message>
    <message>
      <source>扫描件</source>
      <translation>Scan</translation>
    </message>
    <message>
      <source>检查内容</source>
      <translation>Question</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>读数</source>
      <translation>Reading</translation>
    </message>
    <message>
      <source>（该页未扫描）</source>
      <translation>(page not scanned)</translation>
    </message>
    <message>
      <source>；可能是“%1”</source>
      <translation>; probably “%1”</translation>
    </message>
    <message>
      <source>？请选择</source>
      <translation>? Choose</translation>
    </message>
  </context>
  <context>
    <name>KeysDialog</name>
    <message>
      <source>%1（%2）的指纹：

%3

请打电话与对方核对，一致才点“是”。</source>
      <translation>Fingerprint of %1 (%2):

%3

Check it with them by phone; click Yes only if it matches.</translation>
    </message>
    <message>
      <source>两次输入的口令不一致。</source>
      <translation>The two passphrases differ.</translation>
    </message>
    <message>
      <source>信任</source>
      <translation>Trust</translation>
    </message>
    <message>
      <source>信任的单位（收发同步包的对方）：</source>
      <translation>Trusted offices (who you exchange bundles with):</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>再次输入口令</source>
      <translation>Repeat the passphrase</translation>
    </message>
    <message>
      <source>区划代码</source>
      <translation>Division code</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>口令</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <source>在用（%1 起）</source>
      <translation>In use (since %1)</translation>
    </message>
    <message>
      <source>密钥与信任的单位</source>
      <translation>Keys and trusted offices</translation>
    </message>
    <message>
      <source>对方接收同步包的电子邮箱：</source>
      <translation>Their e-mail address for bundles:</translation>
    </message>
    <message>
      <source>导入对方公钥并信任…</source>
      <translation>Import and trust a public key…</translation>
    </message>
    <message>
      <source>导出公钥</source>
      <translation>Export public key</translation>
    </message>
    <message>
      <source>导出本单位公钥…</source>
      <translation>Export our public key…</translation>
    </message>
    <message>
      <source>已作废（%1 更换）</source>
      <translation>Revoked (replaced %1)</translation>
    </message>
    <message>
      <source>已信任 %1（%2）的另一把密钥。

现在信任的指纹：%3
新公钥的指纹：%4

只有对方确实更换了密钥、并且电话核对了新指纹，才点“更换密钥”。更换后旧密钥作废，此后用旧密钥签名的同步包将被拒绝。如果对方没有更换密钥，这个文件可能是伪造的。</source>
      <translation>%1 (%2) is already trusted with a different key.

Fingerprint trusted now: %3
Fingerprint of the new public key: %4

Only if the office really changed its key, and you checked the new fingerprint by phone, click "Replace key". The old key is then revoked, and bundles signed with it afterwards are refused. If the office did not change its key, this file may be forged.</translation>
    </message>
    <message>
      <source>已信任过 %1（%2）的这把密钥，无需更改。</source>
      <translation>This key of %1 (%2) is already trusted; nothing to change.</translation>
    </message>
    <message>
      <source>打印恢复单</source>
      <translation>Print recovery sheet</translation>
    </message>
    <message>
      <source>打印恢复单…</source>
      <translation>Print recovery sheet…</translation>
    </message>
    <message>
      <source>指纹</source>
      <translation>Fingerprint</translation>
    </message>
    <message>
      <source>更换密钥</source>
      <translation>Replace key</translation>
    </message>
    <message>
      <source>更换对方密钥</source>
      <translation>Replace the office's key</translation>
    </message>
    <message>
      <source>本单位公钥指纹：%1（对方核对时请逐组念出）</source>
      <translation>Our public key fingerprint: %1 (read it out group by group when they check)</translation>
    </message>
    <message>
      <source>本单位还没有密钥。生成后，把公钥文件发给对方，并打印恢复单锁好。</source>
      <translation>No keys yet. Generate them, send the public key file to the other office, and print and lock away the recovery sheet.</translation>
    </message>
    <message>
      <source>核对指纹</source>
      <translation>Check fingerprint</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>生成密钥</source>
      <translation>Generate keys</translation>
    </message>
    <message>
      <source>生成本单位密钥…</source>
      <translation>Generate keys…</translation>
    </message>
    <message>
      <source>电子邮箱</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>设置口令（至少8个字符）</source>
      <translation>Set a passphrase (8 characters or more)</translation>
    </message>
    <message>
      <source>选择对方的公钥文件</source>
      <translation>Choose their public key file</translation>
    </message>
  </context>
  <context>
    <name>LayoffDialog</name>
    <message>
      <source>人员名单（身份证号码只显示部分）</source>
      <translation>People (ID numbers shown in part)</translation>
    </message>
    <message>
      <source>人数</source>
      <translation>Numbers</translation>
    </message>
    <message>
      <source>再就业服务（人数）</source>
      <translation>Re-employment services (people)</translation>
    </message>
    <message>
      <source>合同类型</source>
      <translation>Contract type</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>审查提示（不影响保存）</source>
      <translation>Findings (they do not block saving)</translation>
    </message>
    <message>
      <source>导入人员名单</source>
      <translation>Import the list of people</translation>
    </message>
    <message>
      <source>导入人员名单…</source>
      <translation>Import list of people…</translation>
    </message>
    <message>
      <source>就业援助</source>
      <translation>Employment assistance</translation>
    </message>
    <message>
      <source>工作年限</source>
      <translation>Years of service</translation>
    </message>
    <message>
      <source>已导入 %1 人。</source>
      <translation>%1 people imported.</translation>
    </message>
    <message>
      <source>心理疏导</source>
      <translation>Psychological support</translation>
    </message>
    <message>
      <source>技能培训</source>
      <translation>Skills training</translation>
    </message>
    <message>
      <source>第 %1 行：</source>
      <translation>Row %1: </translation>
    </message>
    <message>
      <source>经济补偿估算</source>
      <translation>Compensation (estimate)</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>裁员备案</source>
      <translation>Layoff filings</translation>
    </message>
    <message>
      <source>身份证号码</source>
      <translation>ID number</translation>
    </message>
  </context>
  <context>
    <name>LayoffsTab</name>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>办理中</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>报告回执</source>
      <translation>Filing receipt</translation>
    </message>
    <message>
      <source>新建备案…</source>
      <translation>New filing…</translation>
    </message>
    <message>
      <source>确定删除选中的裁员备案吗？</source>
      <translation>Delete the selected layoff filings?</translation>
    </message>
    <message>
      <source>达到第41条标准</source>
      <translation>Reaching Art. 41 threshold</translation>
    </message>
    <message>
      <source>重大风险隐患</source>
      <translation>Major risks</translation>
    </message>
  </context>
  <context>
    <name>LedgerTab</name>
    <message>
      <source> 个工作日内</source>
      <translation> working days</translation>
    </message>
    <message>
      <source>企业名称、信用代码、拼音首字母或整改事类</source>
      <translation>Enterprise name, credit code, pinyin initials or matter</translation>
    </message>
    <message>
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>办理</source>
      <translation>Handle</translation>
    </message>
    <message>
      <source>办理…</source>
      <translation>Handle…</translation>
    </message>
    <message>
      <source>即将到期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>导出整改台账</source>
      <translation>Export the ledger</translation>
    </message>
    <message>
      <source>整改事项</source>
      <translation>Rectification items</translation>
    </message>
    <message>
      <source>整改时限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>未销号</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>正在导出整改台账</source>
      <translation>Exporting the ledger</translation>
    </message>
    <message>
      <source>登记整改事项…</source>
      <translation>New rectification item…</translation>
    </message>
    <message>
      <source>请先在台账中选中一条整改事项。</source>
      <translation>Select an item in the ledger first.</translation>
    </message>
    <message>
      <source>负责人</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
  </context>
  <context>
    <name>ListActions</name>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>回执日期</source>
      <translation>Receipt date</translation>
    </message>
    <message>
      <source>回执落款日期（如 2023-12-01；空着为收到报告之日）：</source>
      <translation>Date on the receipt (e.g. 2023-12-01; empty: the day the report was received):</translation>
    </message>
    <message>
      <source>导出列表</source>
      <translation>Export the list</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>日期“%1”无法识别，请按 2023-12-01 的格式填写。</source>
      <translation>The date "%1" cannot be read; write it like 2023-12-01.</translation>
    </message>
    <message>
      <source>正在导出列表</source>
      <translation>Exporting the list</translation>
    </message>
    <message>
      <source>确定删除选中的记录吗？</source>
      <translation>Delete the selected records?</translation>
    </message>
    <message>
      <source>请先在列表中选中一条记录。</source>
      <translation>Select a record in the list first.</translation>
    </message>
    <message>
      <source>请先在列表中选中要打印的记录。</source>
      <translation>Select the records to print first.</translation>
    </message>
  </context>
  <context>
    <name>ListTab</name>
    <message>
      <source>企业名称或拼音首字母</source>
      <translation>Enterprise name or pinyin initials</translation>
    </message>
    <message>
      <source>企业：%1　×</source>
      <translation>Enterprise: %1  ×</translation>
    </message>
    <message numerus="yes">
      <source>共 %n 条</source>
      <translation>
        <numerusform>%n records</numerusform>
      </translation>
    </message>
    <message>
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>另存为 PDF…</source>
      <translation>Save as PDF…</translation>
    </message>
    <message>
      <source>另存为 Word…</source>
      <translation>Save as Word…</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>打印 ▾</source>
      <translation>Print ▾</translation>
    </message>
    <message>
      <source>打印预览…</source>
      <translation>Print preview…</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>无法计数</source>
      <translation>Could not count</translation>
    </message>
    <message>
      <source>正在计数…</source>
      <translation>Counting…</translation>
    </message>
  </context>
  <context>
    <name>MainMenus</name>
    <message>
      <source>专项行动…</source>
      <translation>Campaigns…</translation>
    </message>
    <message>
      <source>专项行动工作总结…</source>
      <translation>Campaign summary report…</translation>
    </message>
    <message>
      <source>从文件夹导入同步包…</source>
      <translation>Import bundles from a folder…</translation>
    </message>
    <message>
      <source>体检清单…</source>
      <translation>Checklist…</translation>
    </message>
    <message>
      <source>关于和谐台账</source>
      <translation>About Hexie Desk</translation>
    </message>
    <message>
      <source>各单位报送情况…</source>
      <translation>Bundles received…</translation>
    </message>
    <message>
      <source>同步冲突…</source>
      <translation>Sync conflicts…</translation>
    </message>
    <message>
      <source>备份与恢复…</source>
      <translation>Backup and restore…</translation>
    </message>
    <message>
      <source>密钥与信任的单位…</source>
      <translation>Keys and trusted offices…</translation>
    </message>
    <message>
      <source>导入企业名录…</source>
      <translation>Import enterprise list…</translation>
    </message>
    <message>
      <source>导入同步包…</source>
      <translation>Import sync bundle…</translation>
    </message>
    <message>
      <source>导入扫描件…</source>
      <translation>Import scans…</translation>
    </message>
    <message>
      <source>导出同步包…</source>
      <translation>Export sync bundle…</translation>
    </message>
    <message>
      <source>导出当前列表…</source>
      <translation>Export the current list…</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>打印…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>打开(&amp;O)</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <source>搜索</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>数据库文件…</source>
      <translation>Database file…</translation>
    </message>
    <message>
      <source>整改提醒</source>
      <translation>Reminders</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>新增企业</source>
      <translation>New enterprise</translation>
    </message>
    <message>
      <source>本单位设置…</source>
      <translation>Office settings…</translation>
    </message>
    <message>
      <source>查看(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>生成演示数据…</source>
      <translation>Generate demo data…</translation>
    </message>
    <message>
      <source>界面语言 Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>节假日与提醒…</source>
      <translation>Holidays and reminders…</translation>
    </message>
    <message>
      <source>设置(&amp;S)</source>
      <translation>&amp;Settings</translation>
    </message>
    <message>
      <source>连接办公室服务器…</source>
      <translation>Connect to the office server…</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>%1数据库：%2</source>
      <translation>%1Database: %2</translation>
    </message>
    <message>
      <source>企业 %1 家　体检 %2 次　整改事项 %3 条（逾期 %4）</source>
      <translation>%1 enterprises  %2 checks  %3 rectification items (%4 overdue)</translation>
    </message>
    <message>
      <source>企业名录</source>
      <translation>Enterprise register</translation>
    </message>
    <message>
      <source>和谐台账</source>
      <translation>Hexie Desk</translation>
    </message>
    <message>
      <source>已生成：%1</source>
      <translation>Written: %1</translation>
    </message>
    <message>
      <source>总览</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>指导服务</source>
      <translation>Guidance</translation>
    </message>
    <message>
      <source>整改台账</source>
      <translation>Rectification ledger</translation>
    </message>
    <message>
      <source>此页没有可打印的表单。</source>
      <translation>This tab has no forms to print.</translation>
    </message>
    <message>
      <source>此页没有导出功能。</source>
      <translation>This tab has nothing to export.</translation>
    </message>
    <message>
      <source>法治体检</source>
      <translation>Health checks</translation>
    </message>
    <message>
      <source>裁员备案</source>
      <translation>Layoff filings</translation>
    </message>
    <message>
      <source>要约行动</source>
      <translation>Negotiation offers</translation>
    </message>
    <message>
      <source>重大风险隐患</source>
      <translation>Major risks</translation>
    </message>
    <message>
      <source>风险研判</source>
      <translation>Risk grading</translation>
    </message>
  </context>
  <context>
    <name>ManualItemDialog</name>
    <message>
      <source>个工作日</source>
      <translation>working days</translation>
    </message>
    <message>
      <source>企业</source>
      <translation>Enterprise</translation>
    </message>
    <message>
      <source>发现日期</source>
      <translation>Found on</translation>
    </message>
    <message>
      <source>指定日期</source>
      <translation>On a date</translation>
    </message>
    <message>
      <source>按期限</source>
      <translation>After days</translation>
    </message>
    <message>
      <source>整改事类</source>
      <translation>Matter to rectify</translation>
    </message>
    <message>
      <source>整改建议</source>
      <translation>Remedy</translation>
    </message>
    <message>
      <source>整改时限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>整改负责人</source>
      <translation>Responsible person</translation>
    </message>
    <message>
      <source>日</source>
      <translation>days</translation>
    </message>
    <message>
      <source>本单位责任人</source>
      <translation>Responsible officer</translation>
    </message>
    <message>
      <source>法律依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>登记整改事项</source>
      <translation>New rectification item</translation>
    </message>
    <message>
      <source>选择企业…</source>
      <translation>Choose enterprise…</translation>
    </message>
    <message>
      <source>（尚未选择）</source>
      <translation>(none chosen)</translation>
    </message>
  </context>
  <context>
    <name>MenuDialogs</name>
    <message>
      <source>关于和谐台账</source>
      <translation>About Hexie Desk</translation>
    </message>
    <message>
      <source>和谐台账 %1
县级协调劳动关系工作台账

数据库：%2
数据文件夹：%3
备份文件夹：%5
日志：%4

%6</source>
      <translation>Hexie Desk %1
The county labour-relations desk

Database: %2
Data folder: %3
Backup folder: %5
Log: %4

%6</translation>
    </message>
    <message>
      <source>和谐台账数据库</source>
      <translation>Hexie Desk database</translation>
    </message>
    <message>
      <source>备份与恢复</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <source>工作总结</source>
      <translation>Summary report</translation>
    </message>
    <message>
      <source>打开数据库文件</source>
      <translation>Open database file</translation>
    </message>
    <message>
      <source>数据保存在办公室服务器上；本程序只连接这台服务器，不连接互联网。</source>
      <translation>The records are kept on the office server; this program connects to that server only, never to the internet.</translation>
    </message>
    <message>
      <source>本程序不联网，所有数据保存在本机。</source>
      <translation>This program never connects to a network; all data stays on this PC.</translation>
    </message>
    <message>
      <source>还没有专项行动。请先在“设置 → 专项行动…”中新建。</source>
      <translation>No campaign yet. Create one in Settings → Campaigns… first.</translation>
    </message>
    <message>
      <source>这个文件已在本窗口中打开。</source>
      <translation>This file is already open in this window.</translation>
    </message>
    <message>
      <source>这是办公室服务器上的数据库，不在本机备份。请在服务器上定时运行 hexie backup --db %1（或 pg_dump），恢复用 hexie restore 备份文件 --db %1。</source>
      <translation>This database is on the office server and is not backed up on this PC. Schedule hexie backup --db %1 (or pg_dump) on the server; restore with hexie restore BACKUP --db %1.</translation>
    </message>
  </context>
  <context>
    <name>MenuImports</name>
    <message>
      <source>导入完成：新增 %1，更新 %2，跳过 %3</source>
      <translation>Import finished: %1 added, %2 updated, %3 skipped</translation>
    </message>
    <message>
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>已取消，数据库未作任何改动。</source>
      <translation>Cancelled; the database was not changed.</translation>
    </message>
    <message>
      <source>正在生成演示数据</source>
      <translation>Generating demo data</translation>
    </message>
    <message>
      <source>生成多少家演示企业？</source>
      <translation>How many demo enterprises?</translation>
    </message>
    <message>
      <source>生成演示数据</source>
      <translation>Generate demo data</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>这个数据库已有 %1 家企业。演示的企业、体检、要约等记录会与本单位的真实记录混在一起，也会随同步包报送，之后无法整批删除。

练习或演示请另用一个数据库文件（用命令行 hexie demo --db 演示.sqlite3 --enterprises 500 生成，再在“文件 → 打开 → 数据库文件…”中打开它）。仍要在这个数据库中生成吗？</source>
      <translation>This database already holds %1 enterprises. The demo enterprises, checks, offers and other records would mix with this office's real records and go out in its sync bundles; they cannot be removed as a batch afterwards.

To practise or demonstrate, use another database file (make it on the command line with hexie demo --db demo.sqlite3 --enterprises 500, then open it with File → Open → Database file…). Generate them in this database anyway?</translation>
    </message>
    <message>
      <source>选择企业名录文件</source>
      <translation>Choose an enterprise list</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <source>两边内容相同，保存即可。</source>
      <translation>Both versions hold the same values: just save.</translation>
    </message>
    <message>
      <source>保存合并结果</source>
      <translation>Save merged result</translation>
    </message>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>合并修改</source>
      <translation>Merge changes</translation>
    </message>
    <message>
      <source>对方已保存（%1，%2）</source>
      <translation>Saved by colleague (%1, %2)</translation>
    </message>
    <message>
      <source>我的修改</source>
      <translation>My changes</translation>
    </message>
    <message>
      <source>逐项选择要保留的内容：默认保留您改过的项目，其余采用对方已保存的内容。保存合并结果会在对方的版本上保存；取消则回到编辑窗口，您的修改仍在。</source>
      <translation>Choose what to keep, field by field: by default your value where you changed the field, theirs elsewhere. Save merged result saves on top of their version; Cancel returns to the edit window with your changes still there.</translation>
    </message>
    <message>
      <source>项目</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
  </context>
  <context>
    <name>OfferDialog</name>
    <message>
      <source>协商议题（按企业情况排列在前的是通知要求的重点议题）</source>
      <translation>Topics (★ marks those the notice asks for in this situation)</translation>
    </message>
    <message>
      <source>变更／解除</source>
      <translation>Changed / ended</translation>
    </message>
    <message>
      <source>时间</source>
      <translation>Dates</translation>
    </message>
    <message>
      <source>法定时限与审查提示</source>
      <translation>Legal clock and findings</translation>
    </message>
    <message>
      <source>职代会</source>
      <translation>Congress</translation>
    </message>
    <message>
      <source>集体协商要约</source>
      <translation>Negotiation offer</translation>
    </message>
  </context>
  <context>
    <name>OfferSessions</name>
    <message>
      <source>%1（外聘 %2）</source>
      <translation>%1 (%2 from outside)</translation>
    </message>
    <message>
      <source>协商会议</source>
      <translation>Sessions</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>用人单位方</source>
      <translation>Employer side</translation>
    </message>
    <message>
      <source>用人单位方代表／外聘</source>
      <translation>Employer representatives / outside</translation>
    </message>
    <message>
      <source>职工方</source>
      <translation>Worker side</translation>
    </message>
    <message>
      <source>职工方代表／外聘</source>
      <translation>Worker representatives / outside</translation>
    </message>
    <message>
      <source>记录协商会议</source>
      <translation>Record session</translation>
    </message>
    <message>
      <source>首席</source>
      <translation>Chief</translation>
    </message>
    <message>
      <source>首席代表</source>
      <translation>Chief representatives</translation>
    </message>
  </context>
  <context>
    <name>OffersTab</name>
    <message>
      <source>全部情况</source>
      <translation>All situations</translation>
    </message>
    <message>
      <source>全部议题</source>
      <translation>All topics</translation>
    </message>
    <message>
      <source>全部阶段</source>
      <translation>All stages</translation>
    </message>
    <message>
      <source>新建要约…</source>
      <translation>New offer…</translation>
    </message>
    <message>
      <source>确定删除选中的要约记录吗？</source>
      <translation>Delete the selected offers?</translation>
    </message>
    <message>
      <source>要约书</source>
      <translation>Offer letter</translation>
    </message>
    <message>
      <source>要约回复书</source>
      <translation>Reply form</translation>
    </message>
    <message>
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>重大风险隐患</source>
      <translation>Major risks</translation>
    </message>
  </context>
  <context>
    <name>OfficeDialog</name>
    <message>
      <source>其他（手工填写代码）</source>
      <translation>Other (enter the code)</translation>
    </message>
    <message>
      <source>区划代码</source>
      <translation>Division code</translation>
    </message>
    <message>
      <source>区划代码应为 6 位数字，如 410482。</source>
      <translation>The division code has 6 digits, e.g. 410482.</translation>
    </message>
    <message>
      <source>单位名称</source>
      <translation>Office name</translation>
    </message>
    <message>
      <source>发文字号机关代字</source>
      <translation>Document number prefix</translation>
    </message>
    <message>
      <source>发文机关标志</source>
      <translation>Issuing-authority mark</translation>
    </message>
    <message>
      <source>如“汝协三办”，发文字号为 汝协三办〔2023〕5号</source>
      <translation>e.g. "汝协三办", giving document numbers like "汝协三办〔2023〕5号"</translation>
    </message>
    <message>
      <source>如“汝州市协调劳动关系三方委员会办公室文件”；空着则公文不印红头</source>
      <translation>e.g. "汝州市协调劳动关系三方委员会办公室文件"; leave empty for documents without a red header</translation>
    </message>
    <message>
      <source>市级</source>
      <translation>city level</translation>
    </message>
    <message>
      <source>所在区划</source>
      <translation>Division</translation>
    </message>
    <message>
      <source>操作员姓名</source>
      <translation>Operator name</translation>
    </message>
    <message>
      <source>本单位设置</source>
      <translation>Office settings</translation>
    </message>
    <message>
      <source>请填写单位名称。</source>
      <translation>Enter the office name.</translation>
    </message>
    <message>
      <source>请填写操作员姓名：它会记入每条记录的修改日志。</source>
      <translation>Enter the operator's name: it is written into the audit log of every record.</translation>
    </message>
    <message>
      <source>请设置本单位。区划代码决定数据报送时的来源单位，设置后请勿随意更改。</source>
      <translation>Set up your office. The division code identifies the sender of the data you report; do not change it later without reason.</translation>
    </message>
    <message>
      <source>连接办公室服务器…</source>
      <translation>Connect to the office server…</translation>
    </message>
  </context>
  <context>
    <name>OperatorDialog</name>
    <message>
      <source>如：张三</source>
      <translation>e.g. Zhang San</translation>
    </message>
    <message>
      <source>操作员</source>
      <translation>Operator</translation>
    </message>
    <message>
      <source>操作员姓名</source>
      <translation>Operator name</translation>
    </message>
    <message>
      <source>本单位</source>
      <translation>Office</translation>
    </message>
    <message>
      <source>请填写在这台电脑上使用和谐台账的人的姓名。每条修改都会记下操作员，操作日志中不会再出现电脑的登录名。</source>
      <translation>Enter the name of the person who uses Hexie Desk on this PC. Every change records its operator; the audit trail no longer shows the computer's login name.</translation>
    </message>
    <message>
      <source>请填写操作员的姓名（至少 2 个字）。</source>
      <translation>Enter the operator's name (at least 2 characters).</translation>
    </message>
  </context>
  <context>
    <name>OriginFilter</name>
    <message>
      <source>全部来源单位</source>
      <translation>All sending offices</translation>
    </message>
  </context>
  <context>
    <name>PresetFilter</name>
    <message>
      <source>来自总览：%1　（点击此处恢复本页筛选）</source>
      <translation>From the overview: %1  (click here to return to this tab's filters)</translation>
    </message>
  </context>
  <context>
    <name>PrintActions</name>
    <message>
      <source>双面打印：每份从奇数页开始</source>
      <translation>Duplex: start every form on an odd page</translation>
    </message>
  </context>
  <context>
    <name>QInputDialog</name>
    <message>
      <source>密码不正确，请重新输入 %1 的密码：</source>
      <translation>Wrong password. Enter the password for %1 again:</translation>
    </message>
    <message>
      <source>服务器密码</source>
      <translation>Server password</translation>
    </message>
    <message>
      <source>请输入 %1 的密码：</source>
      <translation>Enter the password for %1:</translation>
    </message>
  </context>
  <context>
    <name>QWidget</name>
    <message>
      <source>详细信息已写入日志：</source>
      <translation>Details were written to the log: </translation>
    </message>
  </context>
  <context>
    <name>ReceivedDialog</name>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>各单位报送情况</source>
      <translation>Bundles received</translation>
    </message>
    <message>
      <source>导入时间</source>
      <translation>Imported</translation>
    </message>
    <message>
      <source>无</source>
      <translation>None</translation>
    </message>
    <message>
      <source>最近同步包</source>
      <translation>Latest bundle</translation>
    </message>
    <message>
      <source>第 %1 号</source>
      <translation>No. %1</translation>
    </message>
    <message>
      <source>缺少的同步包</source>
      <translation>Missing bundles</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
  </context>
  <context>
    <name>RectificationDialog</name>
    <message>
      <source>从该事项移除“%1”？</source>
      <translation>Remove "%1" from this item?</translation>
    </message>
    <message>
      <source>佐证材料</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>办理</source>
      <translation>Handle</translation>
    </message>
    <message>
      <source>办理记录</source>
      <translation>History</translation>
    </message>
    <message>
      <source>发现日期：</source>
      <translation>Found on: </translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>完好</source>
      <translation>Intact</translation>
    </message>
    <message>
      <source>延期</source>
      <translation>Extend</translation>
    </message>
    <message>
      <source>延期理由</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>情况说明（必填）；重新打开须写明理由</source>
      <translation>Note (required); say why when re-opening</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>扫描件、照片、PDF、Word</source>
      <translation>Scans, photos, PDF, Word</translation>
    </message>
    <message>
      <source>改为</source>
      <translation>Change to</translation>
    </message>
    <message>
      <source>整改事类：</source>
      <translation>Matter: </translation>
    </message>
    <message>
      <source>整改事项</source>
      <translation>Rectification items</translation>
    </message>
    <message>
      <source>整改时限：</source>
      <translation>Deadline: </translation>
    </message>
    <message>
      <source>整改负责人：</source>
      <translation>Responsible: </translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>文件已不在附件文件夹中：%1</source>
      <translation>The file is no longer in the attachments folder: %1</translation>
    </message>
    <message>
      <source>文件已被改动</source>
      <translation>Altered</translation>
    </message>
    <message>
      <source>文件缺失</source>
      <translation>Missing</translation>
    </message>
    <message>
      <source>新的整改时限</source>
      <translation>New deadline</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>更改状态</source>
      <translation>Change status</translation>
    </message>
    <message>
      <source>本单位责任人：</source>
      <translation>Officer: </translation>
    </message>
    <message>
      <source>校验</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>核验人</source>
      <translation>Verified by</translation>
    </message>
    <message>
      <source>法律依据：</source>
      <translation>Legal basis: </translation>
    </message>
    <message>
      <source>添加佐证材料…</source>
      <translation>Add evidence…</translation>
    </message>
    <message>
      <source>状态：</source>
      <translation>Status: </translation>
    </message>
    <message>
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>选择佐证材料</source>
      <translation>Choose evidence files</translation>
    </message>
    <message>
      <source>逾期 %1 天</source>
      <translation>%1 days overdue</translation>
    </message>
    <message>
      <source>销号时填写核验人</source>
      <translation>Who verified (for closing)</translation>
    </message>
    <message>
      <source>（原定 %1）</source>
      <translation> (originally %1)</translation>
    </message>
  </context>
  <context>
    <name>RectificationsTable</name>
    <message>
      <source>整改事类</source>
      <translation>Matter to rectify</translation>
    </message>
    <message>
      <source>整改时限</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>整改负责人</source>
      <translation>Responsible person</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
  </context>
  <context>
    <name>ReminderPanel</name>
    <message>
      <source>%1 个工作日内到期（%2）</source>
      <translation>Due within %1 working days (%2)</translation>
    </message>
    <message>
      <source>%1 到期</source>
      <translation>due %1</translation>
    </message>
    <message>
      <source>已逾期（%1）</source>
      <translation>Overdue (%1)</translation>
    </message>
    <message>
      <source>整改提醒</source>
      <translation>Reminders</translation>
    </message>
    <message>
      <source>逾期 %1 天</source>
      <translation>%1 days overdue</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>%1没有填写这一部分。</source>
      <translation>%1 wrote nothing for this section.</translation>
    </message>
    <message>
      <source>上报时填写签发人姓名</source>
      <translation>Signing officer, for a report sent upward</translation>
    </message>
    <message>
      <source>专项行动工作总结</source>
      <translation>Campaign summary report</translation>
    </message>
    <message>
      <source>主送机关</source>
      <translation>Addressee</translation>
    </message>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>保存工作总结</source>
      <translation>Save the summary report</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>卫东三方办〔2023〕5号</source>
      <translation>e.g. "卫东三方办〔2023〕5号"</translation>
    </message>
    <message>
      <source>发文字号</source>
      <translation>Document number</translation>
    </message>
    <message>
      <source>各单位报送的总结：</source>
      <translation>Reports received:</translation>
    </message>
    <message>
      <source>各部分已按数据写好草稿（数字与总览、统计表一致），请修改补充后保存；保存后保留您的文字。统计表作为附件另存为 Excel。</source>
      <translation>Each section has a draft written from the data (its figures match the overview and the tables); edit and save it, and your text is kept. The statistics tables are saved as an Excel annex.</translation>
    </message>
    <message>
      <source>字体说明：</source>
      <translation>Fonts:</translation>
    </message>
    <message>
      <source>已保存。</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>已生成：%1</source>
      <translation>Written: %1</translation>
    </message>
    <message>
      <source>引用所选单位本部分的总结</source>
      <translation>Quote the selected office's text for this section</translation>
    </message>
    <message>
      <source>成文日期</source>
      <translation>Date of issue</translation>
    </message>
    <message>
      <source>成文日期“%1”无法识别，请按 2023-12-01 的格式填写。</source>
      <translation>Cannot read the date of issue “%1”; please write it as 2023-12-01.</translation>
    </message>
    <message>
      <source>按数据重新起草本部分</source>
      <translation>Redraft this section from the data</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>正在生成工作总结</source>
      <translation>Writing the summary report</translation>
    </message>
    <message>
      <source>生成 Word 和统计表…</source>
      <translation>Write Word and statistics…</translation>
    </message>
    <message>
      <source>签发人</source>
      <translation>Signing officer</translation>
    </message>
    <message>
      <source>统计表：%1</source>
      <translation>Statistics: %1</translation>
    </message>
  </context>
  <context>
    <name>ResultsTable</name>
    <message>
      <source>依据：</source>
      <translation>Basis: </translation>
    </message>
    <message>
      <source>检查内容</source>
      <translation>Question</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>Group</translation>
    </message>
    <message>
      <source>结果</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>RiskDialog</name>
    <message>
      <source>介入单位和人员</source>
      <translation>Who intervened</translation>
    </message>
    <message>
      <source>化解销号</source>
      <translation>Close as resolved</translation>
    </message>
    <message>
      <source>处置中</source>
      <translation>Being handled</translation>
    </message>
    <message>
      <source>处置结果，如：工资已全部发放</source>
      <translation>Outcome, e.g. all wages paid</translation>
    </message>
    <message>
      <source>已化解（%1）：%2</source>
      <translation>Resolved (%1): %2</translation>
    </message>
    <message>
      <source>新登记</source>
      <translation>New</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>现场介入</source>
      <translation>On-site interventions</translation>
    </message>
    <message>
      <source>记录介入</source>
      <translation>Record intervention</translation>
    </message>
    <message>
      <source>采取的措施</source>
      <translation>Action taken</translation>
    </message>
    <message>
      <source>重大风险隐患</source>
      <translation>Major risks</translation>
    </message>
  </context>
  <context>
    <name>RiskGradingTab</name>
    <message>
      <source>%1 评级（数据截至 %2）：高 %3　中 %4　低 %5　等级上升 %6</source>
      <translation>Graded %1 (data to %2): high %3  medium %4  low %5  rose %6</translation>
    </message>
    <message>
      <source>企业</source>
      <translation>Enterprise</translation>
    </message>
    <message>
      <source>共享数据批次</source>
      <translation>Shared-data batches</translation>
    </message>
    <message>
      <source>县区</source>
      <translation>County</translation>
    </message>
    <message>
      <source>名单为空。</source>
      <translation>The list is empty.</translation>
    </message>
    <message>
      <source>导入共享数据…</source>
      <translation>Import shared data…</translation>
    </message>
    <message>
      <source>导入日期</source>
      <translation>Imported</translation>
    </message>
    <message>
      <source>导出 Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>导出未匹配名单</source>
      <translation>Export unmatched rows</translation>
    </message>
    <message>
      <source>导出未匹配名单…</source>
      <translation>Export unmatched…</translation>
    </message>
    <message>
      <source>导出重点走访名单</source>
      <translation>Export the visit list</translation>
    </message>
    <message>
      <source>尚未评级。导入共享数据后点“重新评级”。</source>
      <translation>Not graded yet. Import shared data, then click "Grade again".</translation>
    </message>
    <message>
      <source>已撤回</source>
      <translation>Rolled back</translation>
    </message>
    <message>
      <source>得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <source>打印清单…</source>
      <translation>Print list…</translation>
    </message>
    <message>
      <source>批量打印空白体检表…</source>
      <translation>Print blank check forms…</translation>
    </message>
    <message>
      <source>按代码匹配</source>
      <translation>By code</translation>
    </message>
    <message>
      <source>按名称匹配</source>
      <translation>By name</translation>
    </message>
    <message>
      <source>撤回</source>
      <translation>Roll back</translation>
    </message>
    <message>
      <source>撤回“%1”导入的全部数据并重新评级？</source>
      <translation>Withdraw all data imported from "%1" and grade again?</translation>
    </message>
    <message>
      <source>撤回选中批次</source>
      <translation>Roll back batch</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>有效</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>未匹配</source>
      <translation>Unmatched</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>正在撤回并重新评级</source>
      <translation>Withdrawing and grading again</translation>
    </message>
    <message>
      <source>正在评级</source>
      <translation>Grading</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>理由</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>联系人</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>自此日期以来未体检：</source>
      <translation>Not checked since:</translation>
    </message>
    <message>
      <source>行数</source>
      <translation>Rows</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>评分规则…</source>
      <translation>Scoring rules…</translation>
    </message>
    <message>
      <source>说明：风险等级由本单位自定的评分规则算出（设置 → 风险评分规则），国家没有统一的欠薪风险评分公式；每个等级都列出得分理由和数据。</source>
      <translation>Risk levels come from this office's own scoring rules; there is no national formula for wage-arrears risk. Every level lists its reasons and figures.</translation>
    </message>
    <message>
      <source>请先选中要撤回的批次。</source>
      <translation>Select the batch to roll back first.</translation>
    </message>
    <message>
      <source>选择共享数据文件</source>
      <translation>Choose a shared-data file</translation>
    </message>
    <message>
      <source>重新评级</source>
      <translation>Grade again</translation>
    </message>
    <message>
      <source>重点走访企业名单</source>
      <translation>Enterprises to visit</translation>
    </message>
    <message>
      <source>重点走访名单：高风险且未体检的企业</source>
      <translation>Visit list: high-risk enterprises not yet checked</translation>
    </message>
    <message>
      <source>；</source>
      <translation>; </translation>
    </message>
  </context>
  <context>
    <name>RiskImportDialog</name>
    <message>
      <source>共 %1 行：按信用代码匹配 %2，按名称匹配 %3，未匹配 %4；将导入数据 %5 条。</source>
      <translation>%1 rows: %2 matched by credit code, %3 by name, %4 unmatched; %5 figures to import.</translation>
    </message>
    <message>
      <source>导入共享数据：%1</source>
      <translation>Import shared data: %1</translation>
    </message>
    <message>
      <source>数据来源：</source>
      <translation>Source:</translation>
    </message>
    <message>
      <source>月份数据 %1</source>
      <translation>Month %1</translation>
    </message>
    <message>
      <source>未匹配到企业：%1 %2</source>
      <translation>No enterprise matches: %1 %2</translation>
    </message>
    <message>
      <source>正在导入</source>
      <translation>Importing</translation>
    </message>
    <message>
      <source>正在检查</source>
      <translation>Checking</translation>
    </message>
    <message>
      <source>行号</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>这个文件看起来是“%1”的数据，不是“%2”的：请在上方“数据来源”中改选“%1”，文件会随即按它重新检查。未导入任何内容。</source>
      <translation>This file looks like “%1” data, not “%2”: choose “%1” under Data source above and the file is checked again at once. Nothing was imported.</translation>
    </message>
  </context>
  <context>
    <name>RiskTab</name>
    <message>
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <source>全部类型</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <source>可能跨地区蔓延</source>
      <translation>May spread</translation>
    </message>
    <message>
      <source>处置中</source>
      <translation>Being handled</translation>
    </message>
    <message>
      <source>已化解</source>
      <translation>Resolved</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>登记风险隐患…</source>
      <translation>New risk…</translation>
    </message>
  </context>
  <context>
    <name>RulesDialog</name>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>恢复默认规则</source>
      <translation>Restore default rules</translation>
    </message>
    <message>
      <source>评分模型是本单位自定的研判办法，国家没有统一的评分公式。每条规则：读取的数据、计算方式、比较、分值、是否红线（红线直接定为高风险）。</source>
      <translation>The scoring model is this office's own; there is no national formula. Each rule: the data it reads, how it is aggregated, the comparison, the points, and whether it is a red line (a red line makes the level high).</translation>
    </message>
    <message>
      <source>风险评分规则</source>
      <translation>Risk scoring rules</translation>
    </message>
  </context>
  <context>
    <name>ScanReviewDialog</name>
    <message>
      <source>%1 项待核对</source>
      <translation>%1 to check</translation>
    </message>
    <message>
      <source>共读取 %1 页，用时 %2 秒。保存前数据库不会改动。</source>
      <translation>%1 pages read in %2 s. Nothing is written until you save.</translation>
    </message>
    <message>
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <source>未能使用的页面（%1）</source>
      <translation>Pages set aside (%1)</translation>
    </message>
    <message>
      <source>核对扫描件</source>
      <translation>Review scans</translation>
    </message>
    <message>
      <source>没有读出可导入的表单。请查看左侧未能使用的页面及原因。</source>
      <translation>No form could be read. See the pages set aside on the left and why.</translation>
    </message>
    <message>
      <source>请在左侧选择一份表单。</source>
      <translation>Choose a form on the left.</translation>
    </message>
    <message>
      <source>读出的表单（%1）</source>
      <translation>Forms read (%1)</translation>
    </message>
    <message>
      <source>读数清楚</source>
      <translation>All clear</translation>
    </message>
  </context>
  <context>
    <name>ServerDialog</name>
    <message>
      <source>例如 192.168.1.10</source>
      <translation>e.g. 192.168.1.10</translation>
    </message>
    <message>
      <source>密码不在这里填写：程序先从系统钥匙串或 ~/.pgpass 读取，没有时再询问，且不会记在最近的连接里。</source>
      <translation>No password here: it is read from the system keyring or ~/.pgpass, asked for when neither has it, and never kept with the recent connections.</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>最近的连接</source>
      <translation>Recent connections</translation>
    </message>
    <message>
      <source>服务器</source>
      <translation>Server</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>端口</source>
      <translation>Port</translation>
    </message>
    <message>
      <source>请填写服务器和数据库名。</source>
      <translation>Fill in the server and the database name.</translation>
    </message>
    <message>
      <source>请填写用户名（服务器管理员为本办公室建的用户）。</source>
      <translation>Fill in the user name (the user the server's administrator made for this office).</translation>
    </message>
    <message>
      <source>连接</source>
      <translation>Connect</translation>
    </message>
    <message>
      <source>连接办公室服务器</source>
      <translation>Connect to the office server</translation>
    </message>
    <message>
      <source>（新的连接）</source>
      <translation>(new connection)</translation>
    </message>
  </context>
  <context>
    <name>SnapshotBox</name>
    <message>
      <source>用工基本情况</source>
      <translation>Employment snapshot</translation>
    </message>
  </context>
  <context>
    <name>SpecDialog</name>
    <message>
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
  </context>
  <context>
    <name>StartupFrame</name>
    <message>
      <source>和谐台账</source>
      <translation>Hexie Desk</translation>
    </message>
    <message>
      <source>正在打开数据库…</source>
      <translation>Opening the database…</translation>
    </message>
  </context>
  <context>
    <name>SyncActions</name>
    <message>
      <source>以下同步包已导入过，未重复导入：</source>
      <translation>These bundles were imported before and were not imported again:</translation>
    </message>
    <message>
      <source>同步包</source>
      <translation>Sync bundles</translation>
    </message>
    <message>
      <source>导入以上内容？</source>
      <translation>Import all of the above?</translation>
    </message>
    <message>
      <source>导入同步包</source>
      <translation>Import sync bundle</translation>
    </message>
    <message>
      <source>导入完成。</source>
      <translation>Import finished.</translation>
    </message>
    <message>
      <source>有 %1 条冲突，请在“查看 → 同步冲突”中处理。</source>
      <translation>%1 conflicts: resolve them in View → Sync conflicts.</translation>
    </message>
    <message>
      <source>正在导入同步包</source>
      <translation>Importing sync bundles</translation>
    </message>
    <message>
      <source>正在检查同步包</source>
      <translation>Checking the sync bundles</translation>
    </message>
    <message>
      <source>请把回执发回对方：</source>
      <translation>Send the receipt back to the sender:</translation>
    </message>
    <message>
      <source>选择同步包（可多选，含全部分卷）</source>
      <translation>Choose bundles (select every part)</translation>
    </message>
    <message>
      <source>选择存放同步包的文件夹（如 U 盘）</source>
      <translation>Choose the folder holding the bundles (e.g. a USB stick)</translation>
    </message>
  </context>
  <context>
    <name>TaskRunner</name>
    <message>
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>TeamTable</name>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>添加成员</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>移除</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source>今天 %1</source>
      <translation>Today %1</translation>
    </message>
  </context>
  <context>
    <name>_CampaignList</name>
    <message>
      <source>指导服务</source>
      <translation>Guidance</translation>
    </message>
    <message>
      <source>请先在“设置 → 专项行动…”中新建专项行动，指导服务和典型案例记在专项行动之下。</source>
      <translation>Create a campaign in Settings → Campaigns… first; guidance and typical cases belong to a campaign.</translation>
    </message>
  </context>
  <context>
    <name>after_save</name>
    <message>
      <source>保存并新建</source>
      <translation>Save and new</translation>
    </message>
    <message>
      <source>保存这一条，再打开一张空白的登记</source>
      <translation>Save this one, then open an empty form for the next</translation>
    </message>
    <message>
      <source>已保存%1。</source>
      <translation>Saved: %1.</translation>
    </message>
    <message>
      <source>（当前筛选条件下列表中没有这一条。）</source>
      <translation> (It is not in the list under the current filters.)</translation>
    </message>
  </context>
  <context>
    <name>holidays</name>
    <message>
      <source>中秋节</source>
      <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
      <source>元旦</source>
      <translation>New Year's Day</translation>
    </message>
    <message>
      <source>劳动节</source>
      <translation>Labour Day</translation>
    </message>
    <message>
      <source>国庆节</source>
      <translation>National Day</translation>
    </message>
    <message>
      <source>春节</source>
      <translation>Spring Festival</translation>
    </message>
    <message>
      <source>清明节</source>
      <translation>Qingming Festival</translation>
    </message>
    <message>
      <source>端午节</source>
      <translation>Dragon Boat Festival</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <source>

备份文件夹“%1”中没有完好的备份。请把该文件和日志交给技术人员，或用其他电脑上的备份恢复。</source>
      <translation>

The backup folder "%1" holds no sound backup. Give the file and the log to a technician, or restore from a backup on another PC.</translation>
    </message>
    <message>
      <source>

最新的完好备份是 %1 的。用它恢复吗？（现在的文件会另存，不会删除。）</source>
      <translation>

The newest sound backup is from %1. Restore it? (The current file is kept beside it, not deleted.)</translation>
    </message>
    <message>
      <source>发生了意外错误：%1

已记录到日志：%2
数据已保存的部分不受影响。</source>
      <translation>An unexpected error occurred: %1

It was written to the log: %2
Data already saved is not affected.</translation>
    </message>
    <message>
      <source>后台完整性检查发现数据库“%1”有损坏：
%2

为免损坏扩大，已改为只读打开：可以查看、打印和导出，不能修改。请用“文件 → 备份与恢复…”从最新的完好备份恢复，或关闭程序后把该文件和日志交给技术人员。</source>
      <translation>The background integrity check found damage in the database “%1”:
%2

So that the damage does not spread, it is now open read-only: you can view, print and export, but not change anything. Restore the newest sound backup with “File → Backup and restore…”, or close the program and give the file and the log to a technician.</translation>
    </message>
    <message>
      <source>数据库</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>数据库“%1”是只读的，而且还没有设置本单位，无法使用。请换一个可写的文件。</source>
      <translation>The database "%1" is read-only and has no office set up yet, so it cannot be used. Choose a file that can be written.</translation>
    </message>
    <message>
      <source>数据库文件有损坏</source>
      <translation>The database file is damaged</translation>
    </message>
    <message>
      <source>数据库文件有损坏，已只读打开。</source>
      <translation>The database file is damaged; opened read-only.</translation>
    </message>
    <message>
      <source>数据库无法使用</source>
      <translation>The database cannot be used</translation>
    </message>
    <message>
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <source>程序出错</source>
      <translation>Program error</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>体检现场记录表</source>
      <translation>Field check form</translation>
    </message>
    <message>
      <source>口令</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <source>本单位密钥口令：</source>
      <translation>Our key passphrase:</translation>
    </message>
    <message>
      <source>正在生成空白记录表</source>
      <translation>Making blank forms</translation>
    </message>
    <message>
      <source>输入口令</source>
      <translation>Passphrase</translation>
    </message>
  </context>
  <context>
    <name>read_only</name>
    <message>
      <source>只读：数据库文件或所在文件夹不可写，只能查看、打印和导出，不能修改。要修改，请取消文件的只读属性或把它复制到可写的文件夹后重新打开。</source>
      <translation>Read-only: the database file or its folder cannot be written. You can view, print and export, but not change anything. To make changes, clear the file's read-only attribute or copy it to a writable folder and open it again.</translation>
    </message>
    <message>
      <source>数据库是只读的，不能修改。</source>
      <translation>The database is read-only and cannot be changed.</translation>
    </message>
    <message>
      <source>（只读）</source>
      <translation> (read-only)</translation>
    </message>
  </context>
  <context>
    <name>services</name>
    <message>
      <source>--from 应是本机上的数据库文件（.sqlite3）：{source}</source>
      <translation>--from must be a database file on this PC (.sqlite3): {source}</translation>
    </message>
    <message>
      <source>--to 应是办公室服务器的地址（postgresql://用户名@服务器:端口/数据库名），而不是文件：{target}</source>
      <translation>--to must be the office server's address (postgresql://user@server:port/database), not a file: {target}</translation>
    </message>
    <message>
      <source>SQLite 数据库，但不是和谐台账的</source>
      <translation>a SQLite database, but not a Hexie Desk one</translation>
    </message>
    <message>
      <source>{by} 已于 {at} 保存了这条记录（现为第 {theirs} 版，您打开的是第 {mine} 版）。没有写入任何内容；请对照双方的修改，合并后再保存。</source>
      <translation>{by} saved this record at {at} (now version {theirs}; you opened version {mine}). Nothing was written: compare both sets of changes, merge them, then save.</translation>
    </message>
    <message>
      <source>{by} 已于 {at} 删除了这条记录（您打开的是第 {mine} 版）。没有写入任何内容；请关闭窗口，需要时重新登记。</source>
      <translation>{by} deleted this record at {at} (you opened version {mine}). Nothing was written: close the window and enter the record again if it is still needed.</translation>
    </message>
    <message>
      <source>{by} 已于 {at} 改动了这条记录（现为第 {theirs} 版）。没有删除；列表已显示对方的修改，请核对，仍要删除时再点一次“删除”。</source>
      <translation>{by} changed this record at {at} (now version {theirs}). Nothing was deleted: the list now shows their change; check it, and click Delete again if it should still go.</translation>
    </message>
    <message>
      <source>{by} 已于 {at} 改动了这条记录（现为第 {theirs} 版，您打开的是第 {mine} 版）。没有写入任何内容；窗口已显示它现在的情况，您填写的内容仍在，请核对后再办理。</source>
      <translation>{by} changed this record at {at} (now version {theirs}; you opened version {mine}). Nothing was written: the window now shows it as it stands, what you typed is still there; check it, then act again.</translation>
    </message>
    <message>
      <source>{closed} / {total} 已销号</source>
      <translation>{closed} / {total} closed</translation>
    </message>
    <message>
      <source>{codes} 只适用于{who}；按本次记录的用工情况和企业行业不适用，应标为“不适用”（或更正用工人数、企业行业）。</source>
      <translation>{codes} apply only to {who}; by the workforce this check records and the enterprise's industry they do not apply: mark them "Not applicable" (or correct the headcounts or the industry).</translation>
    </message>
    <message>
      <source>{code} 已改为“{result}”，但对应整改事项已在办理中（{status}），未自动撤销，请在整改台账中处理。</source>
      <translation>{code} is now "{result}", but its rectification item is already being worked on ({status}) and was not withdrawn: deal with it in the rectification ledger.</translation>
    </message>
    <message>
      <source>{county}的计划体检数不能为负数。</source>
      <translation>The planned checks of {county} cannot be negative.</translation>
    </message>
    <message>
      <source>{days} 日</source>
      <translation>{days} days</translation>
    </message>
    <message>
      <source>{days} 日 ✗</source>
      <translation>{days} days ✗</translation>
    </message>
    <message>
      <source>{day}体检</source>
      <translation>Check of {day}</translation>
    </message>
    <message>
      <source>{day}（已延期）</source>
      <translation>{day} (extended)</translation>
    </message>
    <message>
      <source>{label} {day} 晚于今天（{today}），请核对。</source>
      <translation>{label} {day} is later than today ({today}); please check it.</translation>
    </message>
    <message>
      <source>{label} {n} 人，超过被裁减人数 {laid_off} 人。</source>
      <translation>{label}: {n} people, more than the {laid_off} laid off.</translation>
    </message>
    <message>
      <source>{label}不能为负数。</source>
      <translation>{label} cannot be negative.</translation>
    </message>
    <message>
      <source>{label}为必填项</source>
      <translation>{label} is required</translation>
    </message>
    <message>
      <source>{label}最多 {most} 个字，现为 {length} 个字</source>
      <translation>{label} may have at most {most} characters; it has {length}</translation>
    </message>
    <message>
      <source>{label}：{problem}</source>
      <translation>{label}: {problem}</translation>
    </message>
    <message>
      <source>{names}</source>
      <translation>{names}</translation>
    </message>
    <message>
      <source>{old} → {new}：{note}</source>
      <translation>{old} → {new}: {note}</translation>
    </message>
    <message>
      <source>{on} 书面答复（应在 {due} 前）</source>
      <translation>Replied in writing on {on} (due by {due})</translation>
    </message>
    <message>
      <source>{on} 协商：{text}</source>
      <translation>Session of {on}: {text}</translation>
    </message>
    <message>
      <source>{on} 报送（应在 {due} 前）</source>
      <translation>Filed on {on} (due by {due})</translation>
    </message>
    <message>
      <source>{on} 提出审查意见：{note}</source>
      <translation>Review opinion of {on}: {note}</translation>
    </message>
    <message>
      <source>{part} {p} 人，超过{whole} {w} 人，请核对。</source>
      <translation>{part}: {p} people, more than the {whole} of {w}; please check.</translation>
    </message>
    <message>
      <source>{reason}，红线</source>
      <translation>{reason}, red line</translation>
    </message>
    <message>
      <source>{rule}（{metric} {value}）：+{points}</source>
      <translation>{rule} ({metric}: {value}): +{points}</translation>
    </message>
    <message>
      <source>{rule}（{metric} {value}，{period} 数据）：+{points}</source>
      <translation>{rule} ({metric}: {value}, data for {period}): +{points}</translation>
    </message>
    <message>
      <source>{rule}（{metric}变化 {change}%，{period} 数据）：+{points}</source>
      <translation>{rule} ({metric} changed {change}%, data for {period}): +{points}</translation>
    </message>
    <message>
      <source>{rule}：+{points}</source>
      <translation>{rule}: +{points}</translation>
    </message>
    <message>
      <source>{second} {b} 早于{first} {a}，请核对。</source>
      <translation>{second} {b} is earlier than {first} {a}; please check.</translation>
    </message>
    <message>
      <source>{side}方代表 {n} 人，少于 {least} 人</source>
      <translation>{side} representatives: {n}, fewer than {least}</translation>
    </message>
    <message>
      <source>{side}方外聘代表 {experts} 人，占 {experts}/{total}（不得超过 {num}/{den}）</source>
      <translation>{side} representatives from outside: {experts} of {total} (at most {num}/{den})</translation>
    </message>
    <message>
      <source>{side}方首席代表 {chiefs} 名（应为 {n} 名）</source>
      <translation>{side} chief representatives: {chiefs} (should be {n})</translation>
    </message>
    <message>
      <source>{status}（逾期）</source>
      <translation>{status} (overdue)</translation>
    </message>
    <message>
      <source>{until} 前重新招用人员的，应通知被裁减人员并在同等条件下优先招用</source>
      <translation>Anyone hired again before {until}: the laid-off staff are to be told and preferred on equal terms</translation>
    </message>
    <message>
      <source>{who}：{when} 的{label}有两个不同的值——第 {a} 行为 {va:g}，第 {b} 行为 {vb:g}；按较严重的 {kept:g}（第 {k} 行）计入，请向报送部门核实。</source>
      <translation>{who}: {label} for {when} has two different values — {va:g} in row {a}, {vb:g} in row {b}; the more severe, {kept:g} (row {k}), is taken. Please check with the department that sent the file.</translation>
    </message>
    <message>
      <source>{who}：与第 {first} 行的数据相同，重复的行已跳过</source>
      <translation>{who}: the same figures as row {first}; the repeated row was skipped</translation>
    </message>
    <message>
      <source>{who}：这一行没有数据（各项为空或“-”），已跳过</source>
      <translation>{who}: this row holds no figures (all empty or "-"); skipped</translation>
    </message>
    <message>
      <source>{years} 年的放假安排尚未录入：工作日为估算（周末和法定节假日，春节、清明、端午、中秋按农历推算，调休上班日未计）。国务院办公厅公布放假安排后，请在“设置 → 节假日与提醒”中录入。</source>
      <translation>The holiday arrangements for {years} have not been entered: working days are an estimate (weekends and the statutory holidays, with the Spring Festival, Qingming, Dragon Boat and Mid-Autumn computed from the lunar calendar; weekend days worked in exchange are not counted). Once the General Office of the State Council publishes the arrangements, enter them under "Settings → Holidays and reminders".</translation>
    </message>
    <message>
      <source>“{file}”的表头下面没有数据行：没有可导入的内容，未导入任何内容。</source>
      <translation>"{file}" has no data rows under its header: there is nothing to import, and nothing was imported.</translation>
    </message>
    <message>
      <source>“{name}”有 {size} MB，超过 {limit} MB 的上限。请扫描为 PDF 或压缩图片后再添加。</source>
      <translation>“{name}” is {size} MB, over the {limit} MB limit. Scan it as a PDF or compress the pictures, then add it again.</translation>
    </message>
    <message>
      <source>“{number}”不是电话号码：手机号为 11 位数字，座机写作 0375-2345678（可加“转”分机号）。</source>
      <translation>"{number}" is not a telephone number: a mobile number has 11 digits, a landline is written 0375-2345678 (an extension may follow, as in 0375-2345678-801).</translation>
    </message>
    <message>
      <source>“{value}”不在可选范围内</source>
      <translation>"{value}" is not one of the choices</translation>
    </message>
    <message>
      <source>“{value}”不是数字</source>
      <translation>"{value}" is not a number</translation>
    </message>
    <message>
      <source>“{value}”不是整数</source>
      <translation>"{value}" is not a whole number</translation>
    </message>
    <message>
      <source>“{value}”不是日期</source>
      <translation>"{value}" is not a date</translation>
    </message>
    <message>
      <source>“{value}”不是日期（可写作 2019-05-06、2019年5月6日 或 20190506）</source>
      <translation>"{value}" is not a date (write 2019-05-06, 2019年5月6日 or 20190506)</translation>
    </message>
    <message>
      <source>“{value}”不是有效日期</source>
      <translation>"{value}" is not a valid date</translation>
    </message>
    <message>
      <source>“{value}”应为 是 或 否</source>
      <translation>"{value}" should be yes (是) or no (否)</translation>
    </message>
    <message>
      <source>上次升级数据库时程序中断（{started}）。已自动用升级前的备份恢复（{copy}），中断时的文件另存为 {kept}。数据停留在升级前，程序接着重新升级。</source>
      <translation>The last database upgrade was interrupted ({started}). The copy taken before the upgrade ({copy}) was restored automatically; the interrupted file is kept as {kept}. The data is as it was before the upgrade, and the upgrade now runs again.</translation>
    </message>
    <message>
      <source>上次升级数据库时程序中断，升级前的备份（{copy}）找不到或已损坏；数据库完整性检查通过，程序接着升级。</source>
      <translation>The last database upgrade was interrupted and the copy taken before it ({copy}) is missing or damaged; the database passed the integrity check, so the upgrade runs again.</translation>
    </message>
    <message>
      <source>不支持“{name}”这种类型的文件。请添加扫描件、照片、PDF、Word 或 Excel 文件。</source>
      <translation>“{name}” is not a kind of file that can be added. Add scans, photos, PDF, Word or Excel files.</translation>
    </message>
    <message>
      <source>不支持的文件类型“{suffix}”。请另存为 .xlsx、.xls 或 .csv 后再导入。</source>
      <translation>Files of type “{suffix}” cannot be read. Save the file as .xlsx, .xls or .csv and import it again.</translation>
    </message>
    <message>
      <source>不是 SQLite 数据库文件</source>
      <translation>not a SQLite database file</translation>
    </message>
    <message>
      <source>不能小于 {minimum}</source>
      <translation>cannot be less than {minimum}</translation>
    </message>
    <message>
      <source>与办公室服务器 {server} 的连接断开了（服务器停止、重启，或网络中断）。{undone}请确认服务器已开机、网线或无线网络正常，然后再保存；程序会自动重新连接。</source>
      <translation>The connection to the office server {server} was lost (the server stopped or restarted, or the network is down). {undone}Check that the server is on and the network works, then save again; the program reconnects by itself.</translation>
    </message>
    <message>
      <source>与第 {first} 行信用代码相同（{code}）但内容不同：已按第 {first} 行导入，本行未导入。请核对哪一行正确，再在名录中更正。</source>
      <translation>The same credit code as row {first} ({code}) but different contents: row {first} was imported and this row was not. Check which row is right and correct it in the register.</translation>
    </message>
    <message>
      <source>与第 {first} 行完全相同（信用代码 {code}），重复的行已跳过</source>
      <translation>The same as row {first} (credit code {code}); the repeated row was skipped</translation>
    </message>
    <message>
      <source>人数不合：应到 {members}、实到 {attended}、同意 {approved}</source>
      <translation>The numbers do not add up: {members} members, {attended} attended, {approved} agreed</translation>
    </message>
    <message>
      <source>人数不能为负数。</source>
      <translation>A number of people cannot be negative.</translation>
    </message>
    <message>
      <source>介入日期 {day} 晚于今天（{today}），请核对。</source>
      <translation>The intervention date {day} is later than today ({today}); please check it.</translation>
    </message>
    <message>
      <source>介入日期早于发现日期 {found}。</source>
      <translation>The intervention date is earlier than the date found, {found}.</translation>
    </message>
    <message>
      <source>体检清单第 {edition} 版没有以下编号的检查项：{codes}。请按该版本清单填写结果。</source>
      <translation>Edition {edition} of the checklist has no items numbered {codes}. Fill in results by that edition.</translation>
    </message>
    <message>
      <source>信用代码中的字母应为大写，请改为大写后再保存。</source>
      <translation>The letters of a credit code are capitals; change them to capitals and save again.</translation>
    </message>
    <message>
      <source>信用代码含有不允许的字符：{chars}。代码只用数字和大写字母，且不含 I、O、Z、S、V。</source>
      <translation>The credit code contains characters that are not allowed: {chars}. Codes use digits and capital letters except I, O, Z, S and V.</translation>
    </message>
    <message>
      <source>出席 {attended} 人，超过代表总数 {members} 人。</source>
      <translation>{attended} attended, more than the {members} representatives.</translation>
    </message>
    <message>
      <source>出席 {attended}/{members} 人（须达到 {num}/{den}）</source>
      <translation>{attended} of {members} attended (at least {num}/{den} needed)</translation>
    </message>
    <message>
      <source>出席 {attended}/{members} 人，未达到 {num}/{den}，表决无效，草案未获通过，不能填写签订日期（《集体合同规定》第36条）。</source>
      <translation>{attended} of {members} attended, fewer than {num}/{den}: the vote is void and the draft was not adopted, so there cannot be a signing date (Collective Contract Provisions, art. 36).</translation>
    </message>
    <message>
      <source>剩 {days} 天</source>
      <translation>{days} days left</translation>
    </message>
    <message>
      <source>办公室服务器</source>
      <translation>the office server</translation>
    </message>
    <message>
      <source>协商日期 {day} 早于收到要约的日期 {received}。</source>
      <translation>The session date {day} is earlier than the date the offer was received, {received}.</translation>
    </message>
    <message>
      <source>协商日期 {day} 晚于今天（{today}），请核对。</source>
      <translation>The session date {day} is later than today ({today}); please check it.</translation>
    </message>
    <message>
      <source>双方代表人数不相等（用人单位 {employer} 人、职工 {workers} 人）</source>
      <translation>The sides have different numbers of representatives (employer {employer}, workers {workers})</translation>
    </message>
    <message>
      <source>双方代表人数相等（用人单位 {employer} 人、职工 {workers} 人）</source>
      <translation>The sides have equal numbers of representatives (employer {employer}, workers {workers})</translation>
    </message>
    <message>
      <source>合同将于 {end} 期满，应自 {start} 起协商续订</source>
      <translation>The contract expires on {end}; negotiate its renewal from {start}</translation>
    </message>
    <message>
      <source>同一检查项填写了两次：{codes}。</source>
      <translation>These items were given twice: {codes}.</translation>
    </message>
    <message>
      <source>同意 {approved} 人，占全体 {members} 人（须超过 {num}/{den}）</source>
      <translation>{approved} of all {members} agreed (more than {num}/{den} needed)</translation>
    </message>
    <message>
      <source>同意 {approved} 人，未超过全体 {members} 人的 {num}/{den}，草案未获通过，不能填写签订日期（《集体合同规定》第36条）。</source>
      <translation>{approved} approved, not more than {num}/{den} of all {members}: the draft was not adopted, so there cannot be a signing date (Collective Contract Provisions, art. 36).</translation>
    </message>
    <message>
      <source>同意 {approved} 人，超过出席 {attended} 人。</source>
      <translation>{approved} approved, more than the {attended} who attended.</translation>
    </message>
    <message>
      <source>名单 {listed} 人，与拟裁减人数 {planned} 不一致</source>
      <translation>The list has {listed} people, but {planned} are to be laid off</translation>
    </message>
    <message>
      <source>填写了出席或同意人数，请同时填写职工代表（或全体职工）总数。</source>
      <translation>Attendance or approval is given: also give the number of representatives (or of all staff).</translation>
    </message>
    <message>
      <source>填写了同意人数，请同时填写出席人数。</source>
      <translation>Approval is given: also give how many attended.</translation>
    </message>
    <message>
      <source>填写了答复日期 {day}，答复却是“未答复”：请选择同意或拒绝协商，或清空答复日期。</source>
      <translation>A reply date ({day}) is given but the reply is "No reply": choose accepted or refused, or clear the reply date.</translation>
    </message>
    <message>
      <source>复制“{name}”时内容发生变化，请重试。</source>
      <translation>“{name}” changed while it was being copied; please try again.</translation>
    </message>
    <message>
      <source>复制后核对不一致（{tables}），已全部撤销：服务器数据库里没有留下任何记录，原文件未改动。请删除并重建该数据库后再试。</source>
      <translation>The copy did not match the file ({tables}) and was undone whole: no records were left in the server database and the file is unchanged. Drop and re-create that database, then try again.</translation>
    </message>
    <message>
      <source>外聘代表人数不能超过该方代表总数。</source>
      <translation>Outside representatives cannot outnumber that side's representatives.</translation>
    </message>
    <message>
      <source>定稿的体检须有检查组成员：请至少填写一名检查人员。</source>
      <translation>A final check has an inspection team: enter at least one inspector.</translation>
    </message>
    <message>
      <source>审查期至 {end}</source>
      <translation>Review period until {end}</translation>
    </message>
    <message>
      <source>审查期至 {end} 届满，未提出异议，集体合同已生效</source>
      <translation>The review period ended on {end} without objection: the collective contract is in force</translation>
    </message>
    <message>
      <source>对方已拒绝协商，不能填写签订日期；请先更正答复。</source>
      <translation>The other side refused to negotiate, so there cannot be a signing date; correct the reply first.</translation>
    </message>
    <message>
      <source>对方拒绝协商：无正当理由不得拒绝；可申请劳动行政部门协调</source>
      <translation>The other side refused to negotiate: refusal needs a proper reason; the labour administration can be asked to mediate</translation>
    </message>
    <message>
      <source>工资已足额发放至 {month}，晚于体检日期 {day} 所在的月份：工资不能发放到尚未开始的月份。</source>
      <translation>Wages paid in full up to {month} is later than the month of the check date {day}: wages cannot be paid for a month that has not begun.</translation>
    </message>
    <message>
      <source>工资已足额发放至的月份应写作 2023-05 这样的“年-月”，现为“{value}”。</source>
      <translation>Write the month wages are paid up to as year-month, like 2023-05; it is "{value}".</translation>
    </message>
    <message>
      <source>已保存草稿（{day}）：合规 {ok} 项，不合规 {bad} 项，不适用 {na} 项，未查 {open} 项。草稿不生成整改事项，定稿时才生成。</source>
      <translation>Draft saved ({day}): {ok} compliant, {bad} non-compliant, {na} not applicable, {open} not checked. A draft makes no rectification items; finalising does.</translation>
    </message>
    <message>
      <source>已再就业 {n} 人，但没有填写裁员日期：请先填写裁员日期。</source>
      <translation>{n} re-employed, but there is no layoff date: enter the layoff date first.</translation>
    </message>
    <message>
      <source>已再就业 {n} 人，但裁员日期 {day} 还没有到：被裁减人员在裁员之后才会再就业。请核对裁员日期或人数。</source>
      <translation>{n} re-employed, but the layoff date {day} has not come yet: people are re-employed after a layoff, not before. Check the layoff date or the number.</translation>
    </message>
    <message>
      <source>已写入 {done}/{total}</source>
      <translation>Written {done}/{total}</translation>
    </message>
    <message>
      <source>已写入 {done}/{total} 条</source>
      <translation>Written {done}/{total} rows</translation>
    </message>
    <message>
      <source>已化解 {day}</source>
      <translation>Resolved {day}</translation>
    </message>
    <message>
      <source>已化解的风险隐患须填写化解日期。</source>
      <translation>A resolved risk needs the date it was resolved.</translation>
    </message>
    <message>
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>已定稿的体检不能删除；如有错误请使用“更正”。</source>
      <translation>A final check cannot be deleted; correct mistakes with "Amend".</translation>
    </message>
    <message>
      <source>已更新 {done}/{total}</source>
      <translation>Updated {done}/{total}</translation>
    </message>
    <message>
      <source>已签订集体合同的，答复应为“同意协商”，请补填答复及其日期。</source>
      <translation>A signed contract means the reply was "Accepted": enter the reply and its date.</translation>
    </message>
    <message>
      <source>已读 {done}/{total} 页：{label}</source>
      <translation>Read {done}/{total} pages: {label}</translation>
    </message>
    <message>
      <source>已选择答复结果，请填写书面答复的日期。</source>
      <translation>A reply is chosen: enter the date of the written reply.</translation>
    </message>
    <message>
      <source>已销号的事项须有核验日期。</source>
      <translation>A closed item needs its verification date.</translation>
    </message>
    <message>
      <source>应为整数</source>
      <translation>should be a whole number</translation>
    </message>
    <message>
      <source>应于 {due} 前书面答复</source>
      <translation>A written reply is due by {due}</translation>
    </message>
    <message>
      <source>应于 {due} 前书面答复，已逾期 {late} 天</source>
      <translation>A written reply was due by {due}: {late} days late</translation>
    </message>
    <message>
      <source>应于 {due} 前报送劳动行政部门</source>
      <translation>To be filed with the labour administration by {due}</translation>
    </message>
    <message>
      <source>应于 {due} 前报送劳动行政部门，已逾期 {late} 天</source>
      <translation>Was to be filed with the labour administration by {due}: {late} days late</translation>
    </message>
    <message>
      <source>座机号码“{number}”缺少区号，请写成 0375-2345678 这样带区号的号码。</source>
      <translation>The landline "{number}" has no area code; write it with one, like 0375-2345678.</translation>
    </message>
    <message>
      <source>总结报送日期不能早于专项行动开始日期。</source>
      <translation>The report date cannot be earlier than the start of the campaign.</translation>
    </message>
    <message>
      <source>恢复后核对不一致（{table}），已撤销：服务器上的数据未改动。请换一个备份。</source>
      <translation>The restored data did not match the backup ({table}); the restore was undone and the server's data is unchanged. Choose another backup.</translation>
    </message>
    <message>
      <source>所选企业不存在或已删除。</source>
      <translation>The chosen enterprise does not exist or was deleted.</translation>
    </message>
    <message>
      <source>所选企业不存在或已删除，请重新选择。</source>
      <translation>The chosen enterprise does not exist or was deleted; choose again.</translation>
    </message>
    <message>
      <source>手工登记</source>
      <translation>Entered by hand</translation>
    </message>
    <message>
      <source>手机号码“{number}”是 {n} 位，应为 11 位，请核对。</source>
      <translation>The mobile number "{number}" has {n} digits; it should have 11.</translation>
    </message>
    <message>
      <source>找不到体检记录 {check}。</source>
      <translation>No check {check} was found.</translation>
    </message>
    <message>
      <source>找不到信用代码为 {code} 的企业。</source>
      <translation>No enterprise with credit code {code} was found.</translation>
    </message>
    <message>
      <source>找不到数据库文件：{path}
请检查路径，或先运行 hexie init 创建。</source>
      <translation>The database file was not found: {path}
Check the path, or create it first with hexie init.</translation>
    </message>
    <message>
      <source>找不到文件：{path}</source>
      <translation>File not found: {path}</translation>
    </message>
    <message>
      <source>找不到文件：{path}。请确认文件仍在原处（U 盘是否已拔出）。</source>
      <translation>File not found: {path}. Check that it is still there (was the USB stick removed?).</translation>
    </message>
    <message>
      <source>报告日期 {reported} 早于向职工说明情况的日期，须先听取工会或职工意见再报告</source>
      <translation>Reported on {reported}, before the date the workers were told: the union's or workers' opinions must be heard before reporting</translation>
    </message>
    <message>
      <source>报告日期 {reported} 晚于裁员日期 {layoff}：裁减方案应在实施前报告</source>
      <translation>Reported on {reported}, after the layoff date {layoff}: the plan must be reported before it is carried out</translation>
    </message>
    <message>
      <source>报送逾期 {days} 天</source>
      <translation>Filing {days} days late</translation>
    </message>
    <message>
      <source>拖欠工资金额 {yuan} 元与被拖欠人数 {people} 人不相符：有欠薪就有被欠薪的人，反之亦然。</source>
      <translation>Wages owed of ¥{yuan} do not fit {people} workers owed: wages owed means someone is owed them, and the other way round.</translation>
    </message>
    <message>
      <source>拟裁减 {n} 人，超过职工总数 {staff} 人，请核对。</source>
      <translation>{n} to be laid off, more than the total staff of {staff}; please check.</translation>
    </message>
    <message>
      <source>提前 {days} 日说明情况（须至少 {least} 日）</source>
      <translation>Explained {days} days ahead (at least {least} days needed)</translation>
    </message>
    <message>
      <source>提前 {days} 日说明情况（须至少 {least} 日），不足 {short} 日</source>
      <translation>Explained {days} days ahead (at least {least} days needed): {short} days short</translation>
    </message>
    <message>
      <source>数据库“{path}”是只读的（文件或所在文件夹不可写），只能查看，不能修改。要修改，请取消文件的只读属性或把它复制到可写的文件夹后再试；查看类命令（stats、ledger-export、print-form、check、backup）可以照常使用。</source>
      <translation>The database "{path}" is read-only (the file or its folder cannot be written): it can be viewed but not changed. To change it, clear the file's read-only attribute or copy it to a writable folder and try again; reading commands (stats, ledger-export, print-form, check, backup) work as usual.</translation>
    </message>
    <message>
      <source>数据库“{path}”正被另一个和谐台账窗口或命令写入{who}，同一时间只能有一个窗口或命令修改它。请等对方关闭窗口或命令结束后再试；查看类命令（stats、ledger-export、print-form、check、backup）不受影响，可以照常使用。</source>
      <translation>The database "{path}" is being written by another Hexie Desk window or command{who}; only one window or command can change it at a time. Try again when that window is closed or the command has finished; reading commands (stats, ledger-export, print-form, check, backup) are not affected and work as usual.</translation>
    </message>
    <message>
      <source>数据库文件“{path}”已损坏（{detail}），无法使用。程序没有改动它。{hint}</source>
      <translation>The database file "{path}" is damaged ({detail}) and cannot be used. The program has not changed it. {hint}</translation>
    </message>
    <message>
      <source>整改事项 {code} 来自尚未定稿的体检：整改事项应在体检定稿时生成。</source>
      <translation>Rectification item {code} comes from a check that is not final: items are made when a check is finalised.</translation>
    </message>
    <message>
      <source>整改时限 {old} 延至 {new}：{reason}</source>
      <translation>Deadline {old} extended to {new}: {reason}</translation>
    </message>
    <message>
      <source>文件“{path}”不是和谐台账的数据库（{what}），程序没有改动它。请检查打开的是不是本单位的数据库文件；如果本单位的数据库被覆盖了：{hint}</source>
      <translation>The file "{path}" is not a Hexie Desk database ({what}); the program has not changed it. Check that the file opened is the office's database; if the office's database was overwritten: {hint}</translation>
    </message>
    <message>
      <source>文件“{path}”是空的（0 字节），不是和谐台账的数据库，程序没有改动它。如果这是本单位的数据库，它已丢失内容：{hint}要新建数据库，请换一个文件名（hexie init --db 新文件）。</source>
      <translation>The file "{path}" is empty (0 bytes) and not a Hexie Desk database; the program has not changed it. If this was the office's database, its contents are lost: {hint} To create a new database, use another file name (hexie init --db NEW_FILE).</translation>
    </message>
    <message>
      <source>文件中没有“{chosen}”应有的列（{wanted}，至少一列）。请核对文件和所选的数据来源。未导入任何内容。</source>
      <translation>The file has none of the columns a "{chosen}" file has ({wanted}, at least one). Check the file and the source chosen. Nothing was imported.</translation>
    </message>
    <message>
      <source>无法写入临时文件 {path}：{reason}。请检查磁盘空间后再导入。</source>
      <translation>Cannot write the temporary file {path}: {reason}. Check the free disk space, then import again.</translation>
    </message>
    <message>
      <source>无法识别“{file}”的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV。</source>
      <translation>Cannot tell the text encoding of “{file}”. Save it as a CSV in UTF-8 or GBK.</translation>
    </message>
    <message>
      <source>无法读取“{file}”：CSV 格式有误，常见原因是单元格内有未加引号的换行。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。</source>
      <translation>Cannot read “{file}”: the CSV is malformed, usually a line break inside a cell without quotes. Open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
      <source>无法读取“{file}”：工作簿已加密。请取消密码后另存为 .xlsx 再导入。</source>
      <translation>Cannot read “{file}”: the workbook is encrypted. Remove the password, save it as .xlsx and import that.</translation>
    </message>
    <message>
      <source>无法读取“{file}”：工作簿设有打开密码。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx，再导入。</source>
      <translation>Cannot read “{file}”: the workbook has an opening password. Open it in Excel or WPS, remove the password, save it as .xlsx and import that.</translation>
    </message>
    <message>
      <source>无法读取“{file}”：文件已损坏，或不是 Excel、WPS 表格或 CSV 文件。请在 Excel 或 WPS 中打开它并另存为 .xlsx 后再导入；打不开时请发文件的单位重新发送一份。</source>
      <translation>Cannot read “{file}”: the file is damaged, or is not an Excel, WPS spreadsheet or CSV file. Open it in Excel or WPS, save it as .xlsx and import that; if it will not open, ask the office that sent it for a new copy.</translation>
    </message>
    <message>
      <source>无法读取“{name}”：{reason}。</source>
      <translation>Cannot read “{name}”: {reason}.</translation>
    </message>
    <message>
      <source>无法读取：{reason}</source>
      <translation>cannot be read: {reason}</translation>
    </message>
    <message>
      <source>日期 {day} 早于发现问题的日期 {found}。</source>
      <translation>The date {day} is earlier than the date the problem was found, {found}.</translation>
    </message>
    <message>
      <source>日期 {day} 晚于今天，请核对。</source>
      <translation>The date {day} is later than today; please check it.</translation>
    </message>
    <message>
      <source>有审查意见书日期时，请先填写报送审查的日期。</source>
      <translation>With an objection date, enter the date filed for review first.</translation>
    </message>
    <message>
      <source>有报送日期时，请先填写双方签订的日期。</source>
      <translation>With a filing date, enter the signing date first.</translation>
    </message>
    <message>
      <source>有答复日期时，请先填写收到要约的日期。</source>
      <translation>With a reply date, enter the date the offer was received first.</translation>
    </message>
    <message>
      <source>服务器 {server} 上没有这个数据库（名称写错，或已被删除、改名）。{undone}请检查地址中的数据库名；新建办公室数据库见 README 的“办公室服务器”（createdb 后，从文件搬来用 hexie migrate-db，新办公室用 hexie init）。</source>
      <translation>The server {server} has no such database (the name is misspelt, or it was dropped or renamed). {undone}Check the database name in the address; to create an office database see README, “办公室服务器” (createdb, then hexie migrate-db to move an office's file there, or hexie init for a new office).</translation>
    </message>
    <message>
      <source>服务器 {server} 上的数据库现在只能查看、不能修改（它是只读的备用服务器，或被管理员设为只读）。{undone}请联系管理员：改连主服务器，或在服务器上执行 ALTER DATABASE 数据库名 SET default_transaction_read_only = off，之后再保存即可（不必重新打开）。</source>
      <translation>The database on the server {server} is read-only now (a read-only standby server, or set read-only by the administrator): it can be viewed but not changed. {undone}Ask the administrator to connect you to the primary server, or to run ALTER DATABASE name SET default_transaction_read_only = off on the server; then save again (no need to open the database again).</translation>
    </message>
    <message>
      <source>服务器 {server} 不允许本办公室的用户做这项操作（权限不足）。{undone}请管理员在服务器上给该用户授权：让它拥有办公室数据库里的表（README 的“办公室服务器”用 createdb -O 建库），或执行 GRANT ALL ON ALL TABLES IN SCHEMA public TO 用户名。</source>
      <translation>The server {server} does not let the office's user do this (permission denied). {undone}Ask the administrator to grant it on the server: let the user own the office database's tables (README, “办公室服务器”, makes the database with createdb -O), or run GRANT ALL ON ALL TABLES IN SCHEMA public TO username.</translation>
    </message>
    <message>
      <source>服务器 {server} 拒绝了用户名或密码。{undone}请检查用户名和密码（可在 ~/.pgpass 或系统钥匙串中更新），或请管理员确认该账户仍然有效。</source>
      <translation>The server {server} refused the user name or password. {undone}Check the user name and password (update them in ~/.pgpass or the system keyring), or ask the administrator whether the account is still valid.</translation>
    </message>
    <message>
      <source>服务器 {server} 的磁盘空间不足，写入没有完成。{undone}请管理员清理服务器磁盘（旧备份、日志）或扩容后再保存。</source>
      <translation>The disk of the server {server} is full; the write was not completed. {undone}Ask the administrator to free space on the server (old backups, logs) or add space, then save again.</translation>
    </message>
    <message>
      <source>服务器 {server} 的连接数已满（同时打开的窗口和命令太多）。{undone}请关闭不用的和谐台账窗口后重试；经常出现时请管理员调大 PostgreSQL 的 max_connections。</source>
      <translation>Every connection to the server {server} is taken (too many windows and commands open at once). {undone}Close the Hexie Desk windows you do not need and try again; if it happens often, ask the administrator to raise PostgreSQL's max_connections.</translation>
    </message>
    <message>
      <source>服务器上的数据库用 hexie restore 备份文件 --db {address} 恢复（服务器备份）。</source>
      <translation>A database on the server is restored with hexie restore BACKUP --db {address} (a server backup).</translation>
    </message>
    <message>
      <source>期限 {years} 年（一般为 {low}–{high} 年）</source>
      <translation>Term {years} years (usually {low}–{high} years)</translation>
    </message>
    <message>
      <source>未知的整改状态“{status}”。</source>
      <translation>Unknown rectification status "{status}".</translation>
    </message>
    <message>
      <source>未知的议题：{topics}</source>
      <translation>Unknown topics: {topics}</translation>
    </message>
    <message>
      <source>未记录工会或职工的意见</source>
      <translation>No opinions of the union or the workers recorded</translation>
    </message>
    <message>
      <source>未记录已将解除理由事先通知工会</source>
      <translation>No record that the union was told the reasons for dismissal first</translation>
    </message>
    <message>
      <source>本次体检记录的情况属于{who}，{codes} 适用，不能标为“不适用”：请填写检查结果。</source>
      <translation>What this check records falls under {who}: {codes} apply and cannot be "Not applicable"; enter their results.</translation>
    </message>
    <message>
      <source>校验位不符：最后一位应为“{expected}”，现为“{actual}”。请核对代码是否抄错。</source>
      <translation>Check character wrong: the last character should be "{expected}", not "{actual}". Check whether the code was copied correctly.</translation>
    </message>
    <message>
      <source>检查完成</source>
      <translation>Checked</translation>
    </message>
    <message>
      <source>检查组成员“{name}”的角色应为：{roles}。</source>
      <translation>The role of team member "{name}" should be one of: {roles}.</translation>
    </message>
    <message>
      <source>检查组第 {n} 人缺少姓名。</source>
      <translation>Team member {n} has no name.</translation>
    </message>
    <message>
      <source>检查结果只能是 合规、不合规、不适用 或 未查（{codes}）。</source>
      <translation>A result is compliant, non-compliant, not applicable or not checked ({codes}).</translation>
    </message>
    <message>
      <source>正在保存 {name}…</source>
      <translation>Saving {name}…</translation>
    </message>
    <message>
      <source>正在保存评级…</source>
      <translation>Saving the grades…</translation>
    </message>
    <message>
      <source>正在加密…</source>
      <translation>Encrypting…</translation>
    </message>
    <message>
      <source>正在按企业名称匹配…</source>
      <translation>Matching enterprises by name…</translation>
    </message>
    <message>
      <source>正在整理名称搜索索引…</source>
      <translation>Reorganising the name search index…</translation>
    </message>
    <message>
      <source>正在检查第 {n} 行…</source>
      <translation>Checking row {n}…</translation>
    </message>
    <message>
      <source>正在检查第 {n}/{total} 行…</source>
      <translation>Checking row {n}/{total}…</translation>
    </message>
    <message>
      <source>正在汇总共享数据…</source>
      <translation>Adding up the shared data…</translation>
    </message>
    <message>
      <source>正在生成专项行动、指导服务和典型案例…</source>
      <translation>Making the campaign, guidance activities and typical cases…</translation>
    </message>
    <message>
      <source>正在生成工作总结…</source>
      <translation>Writing the summary report…</translation>
    </message>
    <message>
      <source>正在生成整改台账演示数据…</source>
      <translation>Making demo rectification items…</translation>
    </message>
    <message>
      <source>正在生成演示企业…</source>
      <translation>Making demo enterprises…</translation>
    </message>
    <message>
      <source>正在生成演示体检 {n}/{total}…</source>
      <translation>Making demo check {n}/{total}…</translation>
    </message>
    <message>
      <source>正在生成裁员备案演示数据…</source>
      <translation>Making demo layoff filings…</translation>
    </message>
    <message>
      <source>正在生成要约、裁员备案和风险隐患演示数据…</source>
      <translation>Making demo offers, layoff filings and major risks…</translation>
    </message>
    <message>
      <source>正在生成风险隐患演示数据…</source>
      <translation>Making demo major risks…</translation>
    </message>
    <message>
      <source>正在统计…</source>
      <translation>Counting…</translation>
    </message>
    <message>
      <source>正在评分…</source>
      <translation>Scoring…</translation>
    </message>
    <message>
      <source>正在读取 {name}…</source>
      <translation>Reading {name}…</translation>
    </message>
    <message>
      <source>此数据库由更新版本的和谐台账写入（结构版本 {revision}），当前程序无法识别。
请安装最新版本后再打开。文件未被修改。</source>
      <translation>This database was written by a newer Hexie Desk (schema {revision}) that this program does not know.
Install the latest version and open it again. The file was not changed.</translation>
    </message>
    <message>
      <source>每方代表不少于 {least} 人</source>
      <translation>At least {least} representatives on each side</translation>
    </message>
    <message>
      <source>没有任何改动，无需更正。</source>
      <translation>Nothing changed; there is nothing to amend.</translation>
    </message>
    <message>
      <source>法律依据（中文原文）：</source>
      <translation>Legal basis (Chinese original): </translation>
    </message>
    <message>
      <source>清单中没有在用的检查项</source>
      <translation>The checklist has no item in use</translation>
    </message>
    <message>
      <source>状态应为办理中或已办结。</source>
      <translation>The status should be open or closed.</translation>
    </message>
    <message>
      <source>目标数据库 {target} 不是空的（已有 {count} 张表，例如 {names}）。migrate-db 只搬到新建的空数据库，不覆盖已有数据。
请在服务器上新建一个空数据库（例如 createdb -O hexie hexie_new），再运行 hexie migrate-db --from 文件 --to postgresql://…/hexie_new；若确认目标里的数据不要了，请先删除并重建该数据库。</source>
      <translation>The target database {target} is not empty ({count} tables, e.g. {names}). migrate-db moves only into a new, empty database and never overwrites data.
Create an empty database on the server (e.g. createdb -O hexie hexie_new), then run hexie migrate-db --from FILE --to postgresql://…/hexie_new; if the data in the target is not wanted, drop and re-create that database first.</translation>
    </message>
    <message>
      <source>磁盘空间不足，写入没有完成，已全部撤销，数据库没有改动。请删除不需要的文件或换到空间更大的磁盘后重试。</source>
      <translation>The disk is full: the write did not finish and was undone completely; the database is unchanged. Delete files you do not need or move to a larger disk, then try again.</translation>
    </message>
    <message>
      <source>第 1 位登记管理部门代码“{first}”无效（应为 1–9、A、N 或 Y）。</source>
      <translation>The registering department code "{first}" (1st character) is not valid (1–9, A, N or Y).</translation>
    </message>
    <message>
      <source>第 3–8 位应为 6 位数字的行政区划代码。</source>
      <translation>Characters 3–8 should be a six-digit division code.</translation>
    </message>
    <message>
      <source>第 {n} 个阶段没有名称。</source>
      <translation>Phase {n} has no name.</translation>
    </message>
    <message>
      <source>第 {n} 项编号“{code}”与第 {first} 项重复</source>
      <translation>Item {n}: code "{code}" repeats item {first}</translation>
    </message>
    <message>
      <source>第 {n} 项缺少编号</source>
      <translation>Item {n}: no code</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）整改期限应为 1–365，现为 {days}</source>
      <translation>Item {n} ({code}): the deadline should be 1–365 days, not {days}</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）期限单位应为 日 或 工作日</source>
      <translation>Item {n} ({code}): the deadline counts days or working days</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）缺少检查内容</source>
      <translation>Item {n} ({code}): no question</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）缺少类别</source>
      <translation>Item {n} ({code}): no category</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）缺少问题表述（不合规时在台账、报告和建议书中的写法，如“未建立职工名册”）</source>
      <translation>Item {n} ({code}): no finding (the wording used in the ledger, report and notice when it fails, e.g. "未建立职工名册")</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）适用条件“{condition}”未定义（可用：{known}）</source>
      <translation>Item {n} ({code}): condition "{condition}" is not defined (known: {known})</translation>
    </message>
    <message>
      <source>第 {n} 项（{code}）风险程度应为 高、中 或 低，现为“{value}”</source>
      <translation>Item {n} ({code}): the risk should be high, medium or low, not "{value}"</translation>
    </message>
    <message>
      <source>答复应为未答复、同意协商或拒绝协商。</source>
      <translation>The reply is no reply, accepted or refused.</translation>
    </message>
    <message>
      <source>答复逾期 {days} 天</source>
      <translation>Reply {days} days late</translation>
    </message>
    <message>
      <source>结束日期 {ends} 早于开始日期 {starts}，请检查两个日期是否填反。</source>
      <translation>The end date {ends} is earlier than the start date {starts}; check whether the two were swapped.</translation>
    </message>
    <message>
      <source>结论写“{phrase}”，但本次有 {n} 项不合规（{codes}）：请核对结论。</source>
      <translation>The conclusion says "{phrase}", but {n} items are non-compliant ({codes}): check the conclusion.</translation>
    </message>
    <message>
      <source>结论写“{phrase}”，但本次没有不合规项，也没有记录欠薪：请核对结论或检查结果。</source>
      <translation>The conclusion says "{phrase}", but no item is non-compliant and no wages are owed: check the conclusion or the results.</translation>
    </message>
    <message>
      <source>结论写“{phrase}”，但本次记录了拖欠工资：请核对结论。</source>
      <translation>The conclusion says "{phrase}", but this check records wages owed: check the conclusion.</translation>
    </message>
    <message>
      <source>统一社会信用代码应为 18 位，现为 {n} 位。</source>
      <translation>A unified social credit code has 18 characters; this one has {n}.</translation>
    </message>
    <message>
      <source>草稿可直接修改，无需更正。</source>
      <translation>A draft can be changed directly; no amendment is needed.</translation>
    </message>
    <message>
      <source>裁减 {laid_off} 人，不足 {people} 人但占职工总数 {total_staff} 人的 {share}%（≥{least}%），属于经济性裁员</source>
      <translation>{laid_off} people laid off: fewer than {people} but {share}% of all {total_staff} staff (≥{least}%), an economic layoff</translation>
    </message>
    <message>
      <source>裁减 {laid_off} 人，占职工总数 {total_staff} 人的 {share}%，未达到第41条的人数标准</source>
      <translation>{laid_off} people laid off, {share}% of all {total_staff} staff: below the numbers of Article 41</translation>
    </message>
    <message>
      <source>裁减 {laid_off} 人，达到 {people} 人以上，属于经济性裁员，须依第41条程序报告</source>
      <translation>{laid_off} people laid off, {people} or more: an economic layoff, to be reported under Article 41</translation>
    </message>
    <message>
      <source>要约方应为工会或企业。</source>
      <translation>The offeror is the union or the enterprise.</translation>
    </message>
    <message>
      <source>该企业已被删除，无法保存。</source>
      <translation>This enterprise was deleted and cannot be saved.</translation>
    </message>
    <message>
      <source>该企业还没有体检记录。</source>
      <translation>This enterprise has no check yet.</translation>
    </message>
    <message>
      <source>该体检已定稿。修改请使用“更正”，并写明更正理由。</source>
      <translation>This check is final. Change it with "Amend" and give the reason.</translation>
    </message>
    <message>
      <source>该体检记录不存在或已删除。</source>
      <translation>This check does not exist or was deleted.</translation>
    </message>
    <message>
      <source>该信用代码已登记为“{name}”，同一代码不能登记两家企业。请核对代码，或编辑已有企业。</source>
      <translation>This credit code is already registered as "{name}"; one code cannot belong to two enterprises. Check the code, or edit the existing enterprise.</translation>
    </message>
    <message>
      <source>该整改事项不存在或已删除。</source>
      <translation>This rectification item does not exist or was deleted.</translation>
    </message>
    <message>
      <source>该裁员备案不存在或已删除。</source>
      <translation>This layoff filing does not exist or was deleted.</translation>
    </message>
    <message>
      <source>该要约记录不存在或已删除。</source>
      <translation>This offer does not exist or was deleted.</translation>
    </message>
    <message>
      <source>该记录已被删除，无法添加附件。</source>
      <translation>This record was deleted; files cannot be added to it.</translation>
    </message>
    <message>
      <source>该风险事件不存在。</source>
      <translation>This risk event does not exist.</translation>
    </message>
    <message>
      <source>该风险事件不存在或已删除。</source>
      <translation>This risk event does not exist or was deleted.</translation>
    </message>
    <message>
      <source>说明情况的日期 {explained_on} 晚于裁员日期 {layoff_on}，请核对</source>
      <translation>The explanation date {explained_on} is after the layoff date {layoff_on}; please check</translation>
    </message>
    <message>
      <source>请写明处置结果（至少 4 个字）。</source>
      <translation>Write the outcome (at least 4 characters).</translation>
    </message>
    <message>
      <source>请写明更正理由（至少 4 个字），例如“企业补交了劳动合同，第 A01 项复核为合规”。</source>
      <translation>Give the reason for the amendment (at least 4 characters), e.g. "the enterprise handed in the contracts; A01 re-checked as compliant".</translation>
    </message>
    <message>
      <source>请写明重新处置的理由。</source>
      <translation>Give the reason for reopening.</translation>
    </message>
    <message>
      <source>请填写专项行动名称。</source>
      <translation>Enter the campaign's name.</translation>
    </message>
    <message>
      <source>请填写介入日期。</source>
      <translation>Enter the date of the intervention.</translation>
    </message>
    <message>
      <source>请填写企业职工总数</source>
      <translation>Enter the enterprise's total staff</translation>
    </message>
    <message>
      <source>请填写企业职工总数。</source>
      <translation>Enter the enterprise's total staff.</translation>
    </message>
    <message>
      <source>请填写体检日期。</source>
      <translation>Enter the check date.</translation>
    </message>
    <message>
      <source>请填写体检结论（可使用按检查结果拟好的结论，再作修改）。</source>
      <translation>Write the conclusion (you can start from the one drafted from the results and edit it).</translation>
    </message>
    <message>
      <source>请填写协商日期。</source>
      <translation>Enter the date of the session.</translation>
    </message>
    <message>
      <source>请填写发现日期。</source>
      <translation>Enter the date found.</translation>
    </message>
    <message>
      <source>请填写发现问题的日期。</source>
      <translation>Enter the date the problem was found.</translation>
    </message>
    <message>
      <source>请填写变更或解除的原因（如兼并、解散、破产）。</source>
      <translation>Give the reason for the change or ending (merger, dissolution, bankruptcy…).</translation>
    </message>
    <message>
      <source>请填写向工会或全体职工说明情况的日期和计划裁员日期</source>
      <translation>Enter the date the union or all staff were told and the planned layoff date</translation>
    </message>
    <message>
      <source>请填写开始和结束日期。</source>
      <translation>Enter the start and end dates.</translation>
    </message>
    <message>
      <source>请填写情况说明。</source>
      <translation>Write a note on what happened.</translation>
    </message>
    <message>
      <source>请填写拟裁减人数。</source>
      <translation>Enter how many are to be laid off.</translation>
    </message>
    <message>
      <source>请填写整改事类。</source>
      <translation>Enter what is to be rectified.</translation>
    </message>
    <message>
      <source>请填写整改时限，或整改期限天数。</source>
      <translation>Enter the deadline, or the number of days to rectify.</translation>
    </message>
    <message>
      <source>请填写由谁介入（单位、人员）。</source>
      <translation>Enter who intervened (unit, people).</translation>
    </message>
    <message>
      <source>请填写统一社会信用代码（18 位）。</source>
      <translation>Enter the unified social credit code (18 characters).</translation>
    </message>
    <message>
      <source>请填写职工代表（或全体职工）人数</source>
      <translation>Enter the number of workers' representatives (or of all staff)</translation>
    </message>
    <message>
      <source>请填写采取的措施。</source>
      <translation>Enter the measures taken.</translation>
    </message>
    <message>
      <source>请用最新的完好备份恢复：hexie restore 备份文件 --db {path}（或在窗口中“文件 → 备份与恢复”）。</source>
      <translation>Restore the newest sound backup: hexie restore BACKUP_FILE --db {path} (or File → Backup and restore… in the window).</translation>
    </message>
    <message>
      <source>请至少选择一项协商议题。</source>
      <translation>Choose at least one negotiation topic.</translation>
    </message>
    <message>
      <source>请说明是变更还是解除集体合同。</source>
      <translation>Say whether the collective contract was changed or ended.</translation>
    </message>
    <message>
      <source>请选择企业。</source>
      <translation>Choose an enterprise.</translation>
    </message>
    <message>
      <source>请选择企业情况。</source>
      <translation>Choose the enterprise's situation.</translation>
    </message>
    <message>
      <source>请选择被检查的企业。</source>
      <translation>Choose the enterprise checked.</translation>
    </message>
    <message>
      <source>请选择裁员的法定情形（第41条第1款第一至四项）。</source>
      <translation>Choose the legal ground of the layoff (art. 41 para. 1, items 1–4).</translation>
    </message>
    <message>
      <source>请选择适用的规定（河南或国家）。</source>
      <translation>Choose the rules that apply (Henan or national).</translation>
    </message>
    <message>
      <source>请选择风险类型：大规模裁员、集体停工或集体讨薪。</source>
      <translation>Choose the kind of risk: mass layoff, work stoppage or collective wage claim.</translation>
    </message>
    <message>
      <source>读取“{name}”时内容发生变化，请重试。</source>
      <translation>“{name}” changed while it was being read; please try again.</translation>
    </message>
    <message>
      <source>还有 {n} 项未查（{codes}…）。请填写结果，或标为“不适用”后再定稿。</source>
      <translation>{n} items are not checked yet ({codes}…). Enter their results, or mark them "Not applicable", then finalise.</translation>
    </message>
    <message>
      <source>还有未查的检查项：{codes}。请填写结果，或标为“不适用”后再定稿。</source>
      <translation>Items not checked yet: {codes}. Enter their results, or mark them "Not applicable", then finalise.</translation>
    </message>
    <message>
      <source>这个文件的数据已于 {day} 导入过（批次“{file}”，数据相同），再导入会重复计数，未导入任何内容。如需重新导入，请先撤回那个批次。</source>
      <translation>The data in this file were already imported on {day} (batch "{file}", the same data); importing them again would count them twice, so nothing was imported. To import it again, withdraw that batch first.</translation>
    </message>
    <message>
      <source>这个文件看起来是“{other}”的数据，不是“{chosen}”的：请改选“{other}”（--source {key}）后再导入。未导入任何内容。</source>
      <translation>This file looks like "{other}" data, not "{chosen}": choose "{other}" (--source {key}) and import it again. Nothing was imported.</translation>
    </message>
    <message>
      <source>这些演示企业的统一社会信用代码已在数据库中（以前用同一个种子生成过演示数据）。请换一个 --seed 再生成；这次什么也没有写入。</source>
      <translation>These demo enterprises' credit codes are already in the database (demo data was made with the same seed before). Choose another --seed; nothing was written this time.</translation>
    </message>
    <message>
      <source>这条命令没有写入服务器（已全部撤销），可稍后重新运行。</source>
      <translation>Nothing this command was writing was kept on the server (all of it was undone); run it again later. </translation>
    </message>
    <message>
      <source>这次操作没有保存到服务器（已全部撤销），窗口中填写的内容仍在，可稍后再保存。</source>
      <translation>Nothing of this was saved on the server (all of it was undone); what you typed in the window is still there, and you can save it later. </translation>
    </message>
    <message>
      <source>逾期 {days} 天</source>
      <translation>{days} days overdue</translation>
    </message>
    <message>
      <source>重新打开已销号的事项须写明理由（至少 4 个字）。</source>
      <translation>Reopening a closed item needs a reason (at least 4 characters).</translation>
    </message>
    <message>
      <source>销号须写明核验人。</source>
      <translation>Closing an item needs the name of who verified it.</translation>
    </message>
    <message>
      <source>阶段“{name}”的结束日期 {end} 早于开始日期 {start}，请改正。</source>
      <translation>Phase "{name}" ends on {end}, before it starts on {start}; please correct it.</translation>
    </message>
    <message>
      <source>阶段“{name}”缺少开始或结束日期。</source>
      <translation>Phase "{name}" has no start or end date.</translation>
    </message>
    <message>
      <source>阶段“{name}”（{start} 至 {end}）超出了专项行动的期间 {starts} 至 {last}。</source>
      <translation>Phase "{name}" ({start} to {end}) lies outside the campaign's period, {starts} to {last}.</translation>
    </message>
    <message>
      <source>（{user}，电脑 {host}，进程 {pid}，{since} 起）</source>
      <translation> ({user} on PC {host}, process {pid}, since {since})</translation>
    </message>
  </context>
  <context>
    <name>unsaved</name>
    <message>
      <source>放弃未保存的修改？</source>
      <translation>Discard unsaved changes?</translation>
    </message>
    <message>
      <source>这份记录还有未保存的修改，关闭后将丢失。

点“是”放弃这些修改并关闭；点“否”回到记录，保存后再关闭。</source>
      <translation>This record has changes that are not saved; closing loses them.

Yes discards the changes and closes; No goes back to the record, to save it before closing.</translation>
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>已取消，数据库未作任何改动。</source>
      <translation>Cancelled; the database was not changed.</translation>
    </message>
    <message>
      <source>扫描件</source>
      <translation>Scan</translation>
    </message>
    <message>
      <source>正在读取扫描件</source>
      <translation>Reading scans</translation>
    </message>
    <message>
      <source>选择扫描件（可多选）</source>
      <translation>Choose scans (several allowed)</translation>
    </message>
  </context>
  <context>
    <name>window_layout</name>
    <message>
      <source>收起 ▾</source>
      <translation>Fold ▾</translation>
    </message>
    <message>
      <source>收起到状态栏（Ctrl+R 再打开）</source>
      <translation>Fold into the status bar (Ctrl+R opens it again)</translation>
    </message>
    <message>
      <source>整改提醒</source>
      <translation>Reminders</translation>
    </message>
    <message>
      <source>整改提醒：逾期 %1 · 将到期 %2</source>
      <translation>Reminders: %1 overdue · %2 due soon</translation>
    </message>
    <message>
      <source>显示或收起整改提醒（Ctrl+R）</source>
      <translation>Show or fold the rectification reminders (Ctrl+R)</translation>
    </message>
  </context>
</TS>
