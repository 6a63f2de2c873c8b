<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
  <context>
    <name>EnterpriseTab</name>
    <message>
      <source>仅平台企业</source>
      <translation>Platform enterprises only</translation>
    </message>
    <message>
      <source>修改记录</source>
      <translation>History</translation>
    </message>
    <message>
      <source>全部县区</source>
      <translation>All counties</translation>
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
        <numerusform>
        </numerusform>
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
      <source>搜索：企业名称、信用代码开头或拼音首字母（如 pdsmk）</source>
      <translation>Search: name, start of credit code, or pinyin initials (e.g. pdsmk)</translation>
    </message>
    <message numerus="yes">
      <source>新办企业（成立不满 %n 个月）</source>
      <translation>
        <numerusform>
        </numerusform>
      </translation>
    </message>
    <message>
      <source>新增企业</source>
      <translation>New enterprise</translation>
    </message>
    <message numerus="yes">
      <source>确定删除选中的 %n 家企业吗？删除会记入操作日志，并随同步包报送。</source>
      <translation>
        <numerusform>
        </numerusform>
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
      <source>请先在列表中选中要删除的企业。</source>
      <translation>Select the enterprises to delete first.</translation>
    </message>
    <message>
      <source>非平台企业</source>
      <translation>Not platform enterprises</translation>
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
      <translation>Created</translation>
    </message>
    <message>
      <source>时间（UTC）</source>
      <translation>Time (UTC)</translation>
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
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>处理</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>导入为</source>
      <translation>Import as</translation>
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
      <source>按新的对应关系重新检查</source>
      <translation>Check again with this mapping</translation>
    </message>
    <message>
      <source>提示</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>文件中的列</source>
      <translation>Column in the file</translation>
    </message>
    <message>
      <source>无法导入：%1</source>
      <translation>Cannot import: %1</translation>
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
      <source>正在读取文件…</source>
      <translation>Reading the file…</translation>
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
      <source>（不导入）</source>
      <translation>(not imported)</translation>
    </message>
    <message>
      <source>（第 %1 列）</source>
      <translation>(column %1)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>%1数据库：%2</source>
      <translation>%1Database: %2</translation>
    </message>
    <message>
      <source>企业 %1 家</source>
      <translation>%1 enterprises</translation>
    </message>
    <message>
      <source>企业名录</source>
      <translation>Enterprise register</translation>
    </message>
    <message>
      <source>关于和谐台账</source>
      <translation>About Hexie Desk</translation>
    </message>
    <message>
      <source>和谐台账</source>
      <translation>Hexie Desk</translation>
    </message>
    <message>
      <source>和谐台账 %1
县级协调劳动关系工作台账

数据库：%2
数据文件夹：%3
日志：%4

本程序不联网，所有数据保存在本机。</source>
      <translation>Hexie Desk %1
Work ledger for county labour-relations offices

Database: %2
Data folder: %3
Logs: %4

This program never connects to a network; all data stays on this PC.</translation>
    </message>
    <message>
      <source>导入企业名录…</source>
      <translation>Import enterprise list…</translation>
    </message>
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
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>搜索</source>
      <translation>Search</translation>
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
      <source>生成演示数据…</source>
      <translation>Generate demo data…</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>表格文件</source>
      <translation>Spreadsheets</translation>
    </message>
    <message>
      <source>设置(&amp;S)</source>
      <translation>&amp;Settings</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>选择企业名录文件</source>
      <translation>Choose an enterprise list</translation>
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
  </context>
  <context>
    <name>QWidget</name>
    <message>
      <source>详细信息已写入日志：</source>
      <translation>Details were written to the log: </translation>
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
    <name>main</name>
    <message>
      <source>发生了意外错误：%1

已记录到日志：%2
数据已保存的部分不受影响。</source>
      <translation>An unexpected error occurred: %1

It was written to the log: %2
Data already saved is not affected.</translation>
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
</TS>
