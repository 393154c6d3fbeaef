package lang

// helpCommandEntries are the help of cordon's commands: their
// descriptions and their flags' usages, keyed by where they stand (see
// the package's doc), each with the Fingerprint of the English it
// translates. The English stays with the commands, in cmd/cordon; a
// command or flag without its Chinese here, or whose English has changed
// since, fails TestHelpHasChinese there. What a user types (commands,
// flags, paths, KPI and file names) is kept.
func helpCommandEntries() []entry {
	h := helpText
	return []entry{
		// cordon
		h("cordon.short", "faf8a4a0", "模拟封闭管理下的居民小区，并规划人员配置"),
		h("cordon.long", "04b47d90", `cordon 模拟封闭管理下的居民小区：物资经一个大门进入、暂存，由穿防护服人员转运、消杀，由片
区志愿者送到家门口，以及核酸采样、垃圾清运和特殊需求。它报告吞吐量、等待时间和瓶颈，并给出
基于多次重复运行的置信区间。

  cordon run                  内置场景 two-days；cordon scenarios 列出其他场景
  cordon kpis [SCENARIO]      一次运行报告的指标（--target 和 --kpi 用的名字）
  cordon paths [SCENARIO]     --set 和 --vary 可以修改的值，及其现值
  cordon report RESULTS.json  根据结果文档重新生成一次运行的报告

任何结果都可以输出为数据：run、compare、sweep、bottlenecks、plan、sensitivity、replay、
merge、kpis 和 paths 加 -o json（或 --json）打印结果文档，与报告文件夹中的 .json 文件逐字
节相同；加 -o csv（或 --csv）把主表打印为 CSV。每个报告文件夹还在每张图旁边保存了它的数据
（plots/NAME.csv）。--no-color（或 NO_COLOR）让终端不显示颜色。

退出码：0完成，1有目标未达成（仅在使用 --check 时），2输入有误。`),
		h("cordon --color", "7df03870", "在终端上用颜色标出未达成的目标和变差的结果：auto（在终端上且未设置 NO_COLOR 时）、always 或 never"),
		h("cordon --cpuprofile", "128a1262", "把命令的 CPU 性能剖析写入这个文件"),
		h("cordon --lang", "23abb96e", "摘要、报告、图表和错误信息的语言：en 或 zh-CN（默认：LANG、LC_ALL 或 LC_MESSAGES 以 zh 开头时为中文，否则为 en）"),
		h("cordon --no-color", "01e40776", "终端上不显示颜色（与 --color never 或 NO_COLOR=1 相同）"),
		h("cordon --version", "7f0b6cbe", "打印 cordon 的版本（与 cordon version 相同）"),

		// cordon bottlenecks
		h("bottlenecks.short", "df0dd77d", "多一名人员、一个快递货架、一辆推车或一个工位，或改变通知下楼安排，各能带来多少改善"),
		h("bottlenecks.long", "15a104c6", `bottlenecks 用共用随机数运行该场景，以及把场景可以购买的每项调整各加一个单位后的场景（每个
人员组或每个班次的人数、每个采样点的登记台和采样台、快递货架、集装箱、推车、消杀区的消杀
位），并把每个可能影响所选指标的零成本调整项向两个方向各调一步（通知下楼安排：通知间隔、每
批楼栋数、下楼时间窗、通知顺序、各片区的采样点；推车等待装满的时间；各班次的开始时间）。零
成本的一步先用5次重复运行筛选，较好的方向若改善了某项指标，再用全部重复运行确认。它按这
一步在所选指标上的收益给调整项排序（成对差值及95%置信区间），并列出各岗位的利用率；逐项
指标说明什么对它影响最大，以及在增加任何一项都无济于事时由什么决定它（某个零成本调整项，消
杀停留、转运和步行等固定耗时，或到达量：各减半运行一次）；按在各岗位累计等待的时长（在此等待
的一切的等待时间之和）给基准运行的岗位排序（多日运行时也逐日排序）；并逐小时指出限制工作的岗
位。报告文件夹（默认 cordon-out/bottlenecks-<scenario>/，可用 --out 另指定；使用
--no-report 时不写）包含收益图、bottlenecks.json 和 knobs.csv；-o json（或 --json）打印该
文档而非表格，-o csv（或 --csv）打印 knobs.csv：每个调整项和指标一行。`),
		h("bottlenecks --kpi", "8db33ce5", "用来衡量收益的指标（可重复；默认：场景各目标的指标，或主要指标）"),
		h("bottlenecks --out", "222e02f3", "报告文件夹（默认：cordon-out/bottlenecks-<scenario>）"),
		h("bottlenecks --top", "3ffb94d7", "终端上列出的调整项数"),

		// cordon compare
		h("compare.short", "d236ab12", "用共用随机数比较场景"),
		h("compare.long", "11b59252", `compare 用相同的随机种子和重复运行次数运行各场景（共用随机数：同名的随机流，因此到达相
同），并对每项指标报告与第一个场景的差异：成对差值的平均值、95%学生 t 置信区间，以及结
论：按指标的优劣方向判为变好或变差（没有优劣方向的指标判为有差异），或无结论。只有当差异的
置信区间不含零，且差异至少达到有实际意义的最小值（--min-effect）时，才得出结论：默认时长为
1m，比例为0.5个百分点，计数（物品、人、户、卡片、样本）为1，速率（件/小时、人/小时）为
第一个场景平均值的1%。--min-effect KIND=VALUE 设置一类指标的最小值（durations=2m，
shares=1% 即一个百分点，counts=5，rates=2% 或每小时的数值），KPI=VALUE 设置单项指标的最小
值，0表示不设。

--variant 'NAME: path=value, ...' 比较第一个场景的一个变体：按 --set 的方式设置这些值，并
命名为 NAME；可重复。--set 作用于所有参与比较的场景，变体也不例外：它改变的是各场景共有的
部分，而不是它们之间的差别。模拟内容完全相同的场景（compare X X，或被 --set 改得一样的两个
场景）会被指出是相同的。--out 写出比较报告。-o json（或 --json）打印比较文档而非表格，
-o csv（或 --csv）把每项差异打印为 CSV（differences.csv）。`),
		h("compare --min-effect", "e78c8410", "得出结论所需的最小差异：KIND=VALUE（durations=1m、shares=0.5%、counts=1、rates=1%：即默认值）、KPI=VALUE，或0表示不设（可重复）"),
		h("compare --out", "317eeaed", "在此写出比较报告文件夹"),
		h("compare --variant", "0d5d5d54", "第一个场景的一个变体，'NAME: path=value, ...'（可重复）"),

		// cordon fit
		h("fit.short", "faba48b0", "根据实际记录的用时，为场景拟合服务时间和步行时间"),
		h("fit.long", "f3897adb", `fit 读取实际记录的用时（durations.csv：step,duration，即 cordon record 写出的格式），用最
大似然法拟合每个步骤的用时：指数、对数正态、伽马、威布尔和正态分布。对每个步骤，它打印样本
的 n、平均值和标准差，按 Kolmogorov–Smirnov 统计量 KS（样本的累积分布函数与拟合分布之间的
最大差距）排序的各分布族及其参数、KS 检验的 p 值和对数似然，并选出 KS 最小的分布族。若连这
个最好的分布族在1%的显著性水平下也被拒绝（KS > 1.63/√n），会给出警告。

最后输出一段可粘贴进场景的 YAML 片段：属于场景字段的步骤（gate.intake、transfer.trip、
disinfection.dwell、sorting.time、delivery.door、sampling.registration、sampling.swab……）
写成嵌套的键；zones.walk 会写入每个片区的步行时间，不属于场景字段的步骤写成注释。样本少于
--min 个的步骤列为已跳过。

有误的行都是错误（退出码2），每行一条，格式为 file:line: column: 错在哪里；--lenient 跳过
这些行，并在标准错误上说明跳过了多少行。`),
		h("fit --all", "3252f950", "列出所有分布族，而不只是最好的三个"),
		h("fit --lenient", "1ea308ff", "跳过有误的行并说明跳过了多少行，而不是报错退出"),
		h("fit --min", "4b12f3d0", "拟合一个步骤所需的最少样本数；样本更少的步骤会被跳过"),
		h("fit --observed", "46303b69", "用时文件，step,duration（必填；- 表示从标准输入读取）"),
		h("fit --step", "8f580e57", "只拟合这个步骤（可重复；默认拟合文件中的每个步骤）"),
		h("fit --yaml", "f45daa10", "只打印 YAML 片段"),

		// cordon init
		h("init.short", "c44c8e21", "写出一份带完整注释、可供编辑的场景（baseline）"),
		h("init.long", "33b60054", `init 把带注释的 baseline 场景写入 FILE（默认 scenario.yaml），或用 - 写到终端，供编辑；并
在旁边写出该格式的 JSON Schema，即 scenario.schema.json（已有时不写）：场景的第一行让使用
YAML 语言服务器的编辑器指向它。除非给出 --force，否则不会覆盖已有的场景。`),
		h("init --force", "0e993d12", "若 FILE 已存在则覆盖"),
		h("init --from", "46d817f9", "作为起点的内置场景"),

		// cordon kpis
		h("kpis.short", "c002b8c5", "列出场景报告的指标：名称、单位、优劣方向、标签和说明"),
		h("kpis.long", "82fcb463", `kpis 按结果文档中的顺序，列出该场景（未给出时为默认的 two-days）一次运行报告的每项指标：名
称（--target、--kpi 和参数扫描中的写法）、单位、哪个方向更好（越低越好、越高越好，或无优劣
之分）、标签，以及它衡量什么。`),
		h("kpis --output", "02a73371", "打印方式：table、json 或 csv"),

		// cordon merge
		h("merge.short", "e855e256", "把用 --shard 拆分的一次运行的各分片文件合并成它的报告"),
		h("merge.long", "f12ed262", `merge 读取同一次运行、参数扫描、比较或敏感性分析的各分片写出的分片文件（每个分片都以
--shard I/N 或 --shard auto 启动），检查它们属于同一次运行（场景、随机种子、重复运行次数、
选项和 cordon 构建都相同），且恰好覆盖全部工作单元各一次，然后写出该命令在一台机器上会写出
的报告文件夹（使用 --no-report 时不写）：其中的 results.json 逐字节相同。它打印该命令会打印
的内容。

缺失、重复、损坏或不属于这次运行的分片文件都是错误，错误信息会指出是哪一个（退出码2），此
时什么都不写。其他情况下退出码与该命令相同：使用 --check 时，有运行未达成目标则为1。`),
		h("merge --check", "2027eb5a", "有运行未达成目标时以1退出，与 run --check 相同"),
		h("merge --out", "9c6fb355", "报告文件夹（默认：该命令自己的，例如 cordon-out/sweep-<scenario>；比较为 cordon-out/compare，而 compare 本身只在给出 --out 时才写）"),
		h("merge --quiet", "e7301b66", "除错误外什么都不打印"),
		h("merge --top", "cf3a8a09", "敏感性分析中每项指标列出的因素数"),

		// cordon paths
		h("paths.short", "01106033", "列出 --set 和 --vary 可以修改的值，及其类型和现值"),
		h("paths.long", "dbb3afad", `paths 列出该场景（未给出时为默认的 two-days）中 --set 和 --vary 可以修改的每个值：它们使用
的路径写法（列表中的条目按名字写：staff.suited-crew、zones.zone-3）、取值的类型，以及它在
场景中的值，写成 --set 接受的形式。`),
		h("paths --output", "02a73371", "打印方式：table、json 或 csv"),

		// cordon plan
		h("plan.short", "f1b642c6", "找出达成全部目标的最低成本增配"),
		h("plan.long", "c3b332a8", `plan 在能影响各目标指标的调整项（每个人员组和班次的人数、每个采样点的登记台和采样台、快递
货架、集装箱、推车、消杀位，以及通知下楼安排等零成本调整项）中，搜索成本最低、且以95%的
置信度达成每个目标的设置：每项指标置信区间的上端落在目标之内。目标包括场景自带的目标和每个
--target；--only-given 不计场景自带的目标，并会说明这一点。成本来自场景的 costs 部分和每个
人员组的 hour_cost。

默认情况下方案只做增加：人员和设备只增不减（零成本调整项可双向移动）。--allow-cuts 允许方
案也做削减，但不会低于场景的下限（floors 部分：每项容量的最小值，每个人员组在若干时段内的
最少在岗人数）。

搜索从场景出发，用少量重复运行（--reps，默认6）和共用随机数筛选每个候选步骤，每次采用单位
成本收益最高的一步，直到达成目标，再撤回不需要的部分，然后用更多的重复运行（--confirm，默
认30）在新的随机种子上与原场景一同运行来确认方案：有优劣方向、且被方案显著变差的每项指标
都会作为副作用列出。当没有方案能达成某个目标时，它会说明在人员和设备不受限时（每项容量乘以
10）该目标的指标能达到多少，给出找到的最好方案，并以1退出。

它打印改了什么、成本多少、各目标及其来源、副作用和搜索过程，并写出报告（默认
cordon-out/plan-<scenario>/，可用 --out 另指定；使用 --no-report 时不写），其中有 plan.json
（-o json 或 --json 打印它而非表格）、changes.csv（-o csv 或 --csv 打印它：每项改动一行，附
其 --set）、成本与指标的权衡曲线，以及该方案的敏感性分析。--write 保存按方案调整后的场景，保留注释并标出改动的每一行，
供 cordon run 使用；除非给出 --force，否则不会覆盖已有文件。`),
		h("plan --allow-cuts", "eb4026e6", "允许方案也削减人员和设备，最低到场景的下限"),
		h("plan --budget", "cc6978ec", "方案的成本上限（默认：不设上限）"),
		h("plan --confirm", "6b12a855", "在新的随机种子上确认方案的重复运行次数（默认：--reps 的3倍，至少30）"),
		h("plan --force", "703dcca7", "若 --write 的文件已存在则覆盖"),
		h("plan --only-given", "31114348", "不计场景自带的目标：只达成 --target 给出的目标"),
		h("plan --out", "fa6c22fb", "报告文件夹（默认：cordon-out/plan-<scenario>）"),
		h("plan --reps", "058b8836", "筛选每个候选方案时的重复运行次数（默认6；方案再以 --confirm 确认）"),
		h("plan --sensitivity", "a607a943", "在报告中加入该方案的敏感性分析"),
		h("plan --target", "4ef4e7fa", "目标 KPI<=VALUE（也可用 >=、<、>），可重复，在场景自带的目标之外也要达成"),
		h("plan --write", "9e808d93", "把按方案调整后的场景保存到这个文件"),

		// cordon record
		h("record.short", "0983b59c", "写出模拟的某一天的日志，格式与事后复盘读取的相同"),
		h("record.long", "b1f802d0", `record 运行该场景的一次重复运行，把规划人员当天会记录下来的内容写入 DIR（默认
cordon-log-<scenario>）：arrivals.csv（到达大门的每件物品）、roster.csv（在岗人员）、
observed.csv（在家门口交付的每件物品和完成采样的每位居民）以及 durations.csv（抽取的每个服
务时间和步行时间），格式即 cordon replay 和 cordon fit 读取的格式，时间按给定的日历日期和
时区写出。每个文件的第一行都注明它是合成数据：由 cordon 生成，并非实际记录。

这些日志可作为格式的示例、复盘的测试数据，也可用来检验复盘：从某个场景记录下的一天，用同一
场景重放，结果必须落在重放的预测区间之内。--set 改变被记录的那一天（比如上午穿防护服人员少
了人），而被重放的场景保持原计划。--stages 还会在 observed.csv 中记录每件已送达物品经过各
检查点的时间（staged、labelled、on_cart、unloaded、disinfected、sorted、on_run）：即它在各
环节花费的时间，复盘可借此区分拖慢不同环节的人手不足。四个文件要么全部写出，要么都不写；已
有的文件除非给出 --force，否则不会被覆盖。`),
		h("record --date", "23c1f1f0", "运行第一天的日历日期，YYYY-MM-DD（必填）"),
		h("record --force", "7ef38d94", "覆盖文件夹中已有的日志"),
		h("record --out", "e1a83723", "日志所在的文件夹（默认：cordon-log-<scenario>）"),
		h("record --rep", "263b7df5", "记录哪一次重复运行，从0起：同一随机种子下的另一天"),
		h("record --set", "da9bef92", "改变被记录的那一天，path=value（可重复），例如 gate.shelves=0"),
		h("record --stages", "326921c1", "记录每件已送达物品经过各检查点的时间（observed.csv）：即它在各环节花费的时间"),
		h("record --tz", "8ba64151", "日志的时区：如 +08:00 的偏移量，或如 Asia/Shanghai 的时区名（必填）"),

		// cordon replay
		h("replay.short", "5620dcff", "重放记录下的一天：实际与模拟对照，时间花在了哪里，某项改变本可以省下多少"),
		h("replay.long", "2c92d876", `replay 运行该场景，用到达记录中的物品代替其随机到达（给出 --roster 时，还用排班记录中的人
员代替其班次；其余与场景相同，服务时间仍为随机），进行多次重复运行，并把当天的实际记录
（--observed：已送达的物品、已采样的居民）放在重放旁边对照：逐小时（送达物品数、送到家门口
用时、积压、已采样居民数）和逐项指标，把每个实际数值与重放对一天的95%预测区间对照。它说
明时间花在了哪里（一件物品送到家门口的用时，按环节拆分），并写出报告文件夹（默认
cordon-out/replay-<scenario>，可用 --out 另指定），实际与模拟画在同一组图上。

然后它为当天排出哪些做法本可以有帮助：每个岗位和班次多一名人员、每项容量加一步、每个零成本
调整项向两个方向各调一步，以及在当天人手少于计划时恢复计划的人员（依据排班记录，没有排班记
录时依据实际记录），每一项都用共用随机数在日志上重放，附成对比较的95%置信区间；恢复计划
排在最前，因为它最可能是原因。没有排班记录时，若几种人手不足与实际记录同样吻合，它会列出它
们及其吻合度，而不认定其中任何一种；observed.csv 中的环节时间（cordon record --stages）可
以把它们区分开（--no-helped 跳过这一步，即较慢的部分）。

--vs SCENARIO 或 --set path=value（可重复）在一项改变下重放同一份日志（比如第一天的日志配
上第二天的快递货架），使用共用随机数，并报告它本会给当天带来什么变化，附成对比较的95%置
信区间。这里由 --set 做出改变；作为当天被重放的场景保持原样。对排班记录中出现的人员组的改
变会加到排班上：对某个班次人数的 --set，就是该班次覆盖的时段内的在岗人数；--vs 加上两个场
景的计划之差；移动这类人员组的班次的改变会被拒绝。-o json（或 --json）打印复盘文档
（review.json）而非摘要，-o csv（或 --csv）逐小时打印当天的实际记录与重放对照
（hours.csv）。

日志是 CSV 文件（见 cordon record，它根据模拟的一天写出这些文件，以及 README）。每一行有误
的数据都报告为 file:line: column: 错在哪里，退出码2；--lenient 则跳过有误的行，并说明跳过
了多少行及原因。`),
		h("replay --arrivals", "7bcb65a7", "到达记录，arrivals.csv（必填）"),
		h("replay --lenient", "d5c1b015", "跳过日志中有误的行（并说明跳过了多少行），而不是停止"),
		h("replay --no-helped", "0808f46f", "不排出哪些做法本可以有帮助（每项改变都要重放一次：较慢的部分）"),
		h("replay --observed", "9a73c56d", "实际记录，observed.csv：已送达的物品、已采样的居民"),
		h("replay --out", "bae3afa0", "报告文件夹（默认：cordon-out/replay-<scenario>）"),
		h("replay --roster", "b190dea2", "排班记录，roster.csv：实际在岗的人员"),
		h("replay --set", "d6960eaa", "在一项改变下重放日志，path=value（可重复），例如 gate.shelves=10"),
		h("replay --vs", "f017b5e9", "也用这个场景重放日志，并加以比较"),

		// cordon report
		h("report.short", "4a045441", "根据结果文档重新生成一次运行的报告，无需模拟"),
		h("report.long", "d32741b7", `report 读取一次运行的结果文档（其报告文件夹中的 results.json，或 cordon run --json 打印的
内容，如 cordon run day-one --json > day-one.json；- 表示从标准输入读取），并据此写出报告
文件夹而无需模拟（默认 cordon-out/report-<scenario>/，可用 --out 另指定）：results.json、
kpis.csv 和 replications.csv 与该运行自己写出的逐字节相同，还有瓶颈图，以及列出目标、瓶颈
和每项指标的 index.html 和 summary.md。全天的图（暂存、排队、送到家门口用时、利用率、核酸
采样）需要每次重复运行的时间序列，边际分析需要其自己的运行，而结果文档中没有这些：要画出它
们，请重新运行。compare、sweep、bottlenecks、plan、sensitivity 和 replay 的文档不包含其页
面所示的内容，会被拒绝并说明原因。`),
		h("report --out", "d8fea871", "报告文件夹（默认：cordon-out/report-<scenario>）"),

		// cordon run
		h("run.short", "b97169d5", "运行场景，报告其指标、瓶颈和目标"),
		h("run.long", "0d37f9fd", `run 把每个场景（YAML 文件，或内置场景的名字；未给出时为 two-days）按其重复运行次数运行，打
印各项指标及其95%置信区间和最主要的瓶颈，并写出报告文件夹（默认 cordon-out/<scenario>/，
可用 --out 另指定）：含各图的 index.html、summary.md、results.json、replications.csv 以及
plots/*.png、*.svg、*.csv（每张图的数据）。-o json（或 --json）打印结果文档而非摘要，
-o csv（或 --csv）把指标打印为 CSV（kpis.csv）：每项指标一行，含平均值、置信区间和目标。

目标来自场景中的 targets 和 --target；摘要会说明哪些未达成、差多少。使用 --check 时（供脚
本和 CI 使用），有目标未达成则退出码为1；不使用时，无论目标如何，运行都以0退出。`),
		h("run --check", "5a65e2f5", "有目标未达成时以1退出（供脚本和 CI 使用）"),
		h("run --marginal-reps", "33a411e8", "报告中边际分析（多一个单位能带来什么）的重复运行次数；0表示不做"),
		h("run --out", "2e6767b2", "报告文件夹（默认：cordon-out/<scenario>；有多个场景时，在其中为每个场景建一个文件夹）"),
		h("run --target", "0f567007", "目标 KPI<=VALUE（也可用 >=、<、>），可重复；例如 'takeout.door_time.p95<=45m'"),

		// cordon scenarios
		h("scenarios.short", "71d12a2c", "列出内置场景"),

		// cordon schema
		h("schema.short", "261ecfc3", "打印场景格式的 JSON Schema"),
		h("schema.long", "f667b7c3", `schema 打印场景格式的 JSON Schema，它由加载器读取的同一组 Go 类型生成，编辑器可据此在输入
时检查场景文件。使用 YAML 语言服务器时，先执行 cordon schema > scenario.schema.json，再在
场景文件顶部写上这一行：

  # yaml-language-server: $schema=scenario.schema.json`),

		// cordon sensitivity
		h("sensitivity.short", "9d44a126", "什么在影响指标：每项数量和服务用时各 ±20%"),
		h("sensitivity.long", "4df6c4e9", `sensitivity 把每项数量（各类物品的每天数量、居民人数、特殊需求卡片）和每项服务用时（登记贴
标、转运、消杀停留、分拣、家门口交付、步行、登记、采样、上门服务、装袋、搬运）按 --change
（默认20%）逐一调低和调高，使用共用随机数，报告每项指标在两端的值及两者之差（按重复运行配
对计算，附95%置信区间）：变化超出随机波动的因素在前，每组内摆幅最大的排在最前，并在报告中
为每项指标画一张龙卷风图（默认 cordon-out/sensitivity-<scenario>/，可用 --out 另指定；使用
--no-report 时不写）。-o json（或 --json）打印结果文档（results.json）而非表格，-o csv（或
--csv）把每项指标和因素打印为 CSV（effects.csv）。`),
		h("sensitivity --change", "9827d6f6", "每个因素的相对变化，0到1"),
		h("sensitivity --kpi", "c4058b05", "要分析的指标（可重复；默认：各目标的指标，或主要指标）"),
		h("sensitivity --out", "d7b31b15", "报告文件夹（默认：cordon-out/sensitivity-<scenario>）"),
		h("sensitivity --top", "60c0d05d", "终端上每项指标列出的因素数"),

		// cordon serve
		h("serve.short", "db0d725b", "在浏览器中打开规划工作台：修改场景的数字、运行、比较、制定方案、重放"),
		h("serve.long", "1cb9fa75", `serve 提供内置于 cordon 的网页（不从网络获取任何内容），与其他命令使用同一个引擎：各场景
（内置场景和工作区中的文件）；场景中每个值的编辑器，按规划人员的思路分组（大门、各班组及其
班次、核酸采样、各类数量），每个值都附有说明、单位和取值范围，并在旁边显示 cordon validate
会报告的问题；带实时进度和取消按钮的运行；每个结果的报告；两到四个场景的比较，重要的差异排
在前面；针对目标的方案（改动、成本、副作用）；以及根据上传的 CSV 文件重放记录下的一天。

--dir 是工作区（默认 cordon-workspace，不存在时创建）：其中的 .yaml 文件是页面在内置场景之
外提供的场景；保存时会在那里写出一个带注释的场景文件，cordon run 可以直接运行它；runs/ 保
存每个结果（与 cordon run、compare、plan 或 replay 写出的报告文件夹相同，语言与发起该运行
的页面相同），重启后仍然保留，直到在历史页面上删除。运行会排队，同时最多运行 --jobs 个；对
同一场景、随机种子和重复运行次数，一次运行的结果与 cordon run 相同。

默认情况下页面在 127.0.0.1:8080 上提供，只对本机开放。其他任何 --addr 都需要令牌：--token
给出的，或自动生成并打印出来的；之后每个请求都必须带上它（打印出的地址会在浏览器中设置
它）。页面拒绝来自其他网站的请求，上传的文件有大小限制，并像命令行检查文件那样检查，工作区
之外的任何内容都不会被读取或写入。Ctrl-C 停止服务器：正在进行的工作被取消，正在写出的结果
要么完整写出、要么完全不写，并以0退出。

  cordon serve
  cordon serve --dir my-compound --jobs 2
  cordon serve --addr 0.0.0.0:8080 --token "$(cat token.txt)"`),
		h("serve --addr", "61fb911c", "提供服务的地址，HOST:PORT（端口0：任意空闲端口）"),
		h("serve --dir", "23a16d93", "工作区：场景文件，以及保存每个结果的 runs/"),
		h("serve --jobs", "15f18b96", "同时进行的运行数；它们共享本机的 CPU"),
		h("serve --marginal-reps", "97a21b05", "运行报告中边际分析的重复运行次数，同 cordon run --marginal-reps"),
		h("serve --token", "182adc24", "每个请求都必须带上的令牌（不在回环地址上提供服务时需要；未给出时自动生成一个）"),

		// cordon sweep
		h("sweep.short", "b0e93802", "在一组取值网格上运行场景"),
		h("sweep.long", "cf0489bb", `sweep 在被改变的值的每种组合下运行该场景（路径写法同 --set），每个取值点使用相同的重复运行
和随机种子（共用随机数），打印所选指标的表格，并写出报告文件夹（默认
cordon-out/sweep-<scenario>/，可用 --out 另指定；使用 --no-report 时不写），其中有 sweep.csv
（每个取值点上的每项指标），以及每项所选指标随被改变的值变化的图。-o csv（或 --csv）打印
sweep.csv 而非表格，-o json（或 --json）打印结果文档（results.json）。`),
		h("sweep --kpi", "30b279fb", "要列表和作图的指标（可重复；默认：场景各目标的指标，或几项主要指标）"),
		h("sweep --out", "b4c08a8e", "报告文件夹（默认：cordon-out/sweep-<scenario>）"),
		h("sweep --vary", "6b5f3ed2", "要改变的值，path=LIST 或 path=FROM..TO[:STEP]（可重复）"),

		// cordon validate
		h("validate.short", "54fc271d", "检查场景文件并报告每个问题"),
		h("validate.long", "b7de1cd6", `validate 加载每个场景并报告它发现的每个问题，每行一个，格式为 file:line:column: field: 错
在哪里。全部有效时以0退出，否则以2退出。

它还像人员配置计算器那样，只根据场景检查每个岗位的稳定性：逐小时比较岗位接到的工作量（到达
数乘以平均服务时间）与在岗的人员或空间。全天接到的工作量超过其处理能力的岗位被报告为不稳
定，并列出它超负荷的时段；使用 --strict 时这是一个错误。`),
		h("validate --set", "2d13a9db", "覆盖场景中的一个值，path=value（可重复）"),
		h("validate --strict", "37459c50", "不稳定的岗位视为错误"),

		// cordon version
		h("version.short", "338ca6b7", "打印 cordon 的版本：拆分运行的每个分片都必须使用同一个构建"),

		// flags of several commands: their usage on each command without one
		// of its own
		h("--csv", "e718db53", "打印 CSV（与 -o csv 相同）"),
		h("--jobs", "a4b86593", "同时进行的重复运行数（结果与此数无关）"),
		h("--json", "559a3f59", "打印 JSON（与 -o json 相同）"),
		h("--max-entities", "d7158485", "小区内同时存在的实体（物品、居民……）超过此数时，停止该次重复运行"),
		h("--max-events", "48a315c1", "触发的事件超过此数时，停止该次重复运行"),
		h("--max-memory", "77b321d2", "整个命令可占用的内存，以字节计或带单位（2GiB、512Mi、1.5GB；0为默认：机器可用的内存）；预计需要更多内存的工作在开始前即被拒绝，每次重复运行的实体数以其所占份额为上限"),
		h("--no-report", "df5c561e", "不写报告文件夹"),
		h("--output", "97aa71a0", "结果的打印方式：table（给人看）、json（结果文档，与报告文件夹中保存的相同）或 csv（其主表）"),
		h("--part", "104cfdb2", "--shard 写出其分片文件的位置（默认：cordon-part-I-of-N.part）"),
		h("--quiet", "2851fc96", "不显示进度条"),
		h("--reps", "e19c4448", "重复运行次数（默认：场景中的设定）"),
		h("--seed", "9b3bcb95", "随机流的种子（默认：场景中的设定）"),
		h("--set", "9be42ed9", "覆盖场景中的一个值，path=value（可重复），例如 gate.shelves=10"),
		h("--shard", "6fdc67a5", "只运行工作的第 I 个分片（共 N 个，写作 I/N，从0起），并写成分片文件供 cordon merge 合并；auto 从 Kubernetes Indexed Job（JOB_COMPLETION_INDEX，配合 --shards）或 Slurm 作业数组中取得 I 和 N"),
		h("--shards", "e4aadd6b", "分片数，用于 Kubernetes 上的 --shard auto（默认：$CORDON_SHARDS）"),
	}
}
