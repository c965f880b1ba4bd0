using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Reports;

/// <summary>
/// Issue 19, "report once, completely": the facts the sample report (述职报告 of a 残联's party-group secretary) states are
/// recorded through the gateway's public API — counts of our choosing for its masked <c>**</c>, names of our choosing for
/// its <c>***</c>, 2026 for its 2022 and 市 for its masked city — the annual report is generated, and its body is held
/// sentence by sentence against <see cref="Expected"/>, the sample with those values filled in. Every sentence of the
/// sample is produced in its words: the preamble is the office's free text for the year, set through the API.
/// </summary>
public sealed class SampleReplayTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-sample-replay";
    private const string Branch = "replay-branch";
    private static readonly Metadata Caller = GatewayHost.As(Tenant);

    /// <summary>The sample's text with our counts and names; every sentence of it must be in the report's body.</summary>
    private static string[] Expected =>
    [
        // The year's preamble: free text the office writes for the year (SetReportPreamble), placed as written.
        Preamble,
        "党组书记抓基层党建工作述职报告",
        "一、主要做法和成效",
        "（一）抓机制，强保障，着力促进责任全面落实",
        "一是强化责任落实。牵头研究并印发《2026年市残联党建工作计划》《2026年市残联机关党支部书记抓党建工作责任清单》，确保基层党建工作责任到点、任务到人。",
        // Reviews in all four quarters, heard through a working mechanism (our name for the sample's “**”).
        "二是强化目标管理。坚持党建工作和重点工作同安排、同检查、同考核，通过“四个一”工作机制，每季度听取一次党建工作汇报，及时研究措施办法，促进工作各项任务落地落实。",
        "三是严格执行党内制度。坚持民主集中制原则，今年来共召开党组会12次、理事长办公会6次，重大事情和问题均由集体研究讨论决定，切实加强沟通交流、增进班子团结。",
        "同时强化各科室、中心之间的支持与配合，切实做到分工明确、任务具体、落实有力。",
        "（二）抓学习，强覆盖，确保学习教育常态长效",
        "一是推动理论武装常态化。落实“第一议题”学习制度，主持召开党组会、党组理论中心组学习21次，及时跟进学习党的二十大精神、习近平总书记“7.9”重要讲话精神等，自觉在政治上思想上行动上同以习近平同志为核心的党中央保持高度一致。",
        "二是推动干部学习常态化。组织周二机关干部学习10次、“党员讲坛”4期，开展学习研讨6次，邀请市委党校教授开展专题辅导3期，教育引导干部职工坚决拥护“两个确立”，增强“四个意识”，坚定“四个自信”，做到“两个维护”。",
        "三是推动党性锻炼常态化。坚持落实“三会一课”制度，以普通党员身份参加党员大会、主题党日活动，带头为机关支部全体党员讲党课2次。",
        // The sample has a half-width comma after the first 党的二十大精神 (精神,组织开展); the report writes the full-width one.
        "围绕学习宣传贯彻党的二十大精神，组织开展重温入党誓词、现场参观等活动，带头深入基层宣讲党的二十大精神，引导党员干部在聚焦中心主业、遂行重大任务中持续深化党性锻炼。",
        "（三）抓作风，转作风，努力打造一流干部队伍",
        "一是组建“三队两岗”。通过成立重点工作攻坚先锋队、就业服务先锋队、康复服务先锋队、党员先锋岗、党员志愿服务岗等方式，引导党员干部在疫情防控中当先锋、在“五比五晒”中打头阵，20名在职党员全部到社区报到参与疫情防控、创城等工作，“助残连心”党建服务品牌被市直机关评为新时代党建服务品牌。",
        // The symposia and talks without their counts, one cadre in words (我会一名): the counts are in the appendix.
        "二是加强年轻干部培养。建立支委联系帮带年轻干部、党外干部制度，成立青年干部理论学习小组，先后召开年轻干部座谈会，定期开展谈心谈话、了解思想动态，我会一名干部被评为全国“人民满意的公务员”。",
        "三是强化教育监督管理。严格执行《加强干部“八小时之外”管理监督工作暂行办法》，开展违规吃喝及接待问题、公职人员违规经商办企业等情况自查自纠。",
        "开展党风廉政风险防控排查，完善廉政风险防控管理目录，制定廉政风险防控措施21条。",
        // 审计 for the sample's masked ***: the sources the year's findings record.
        "结合审计整改、巡察整改和节前警示教育等，开展廉政谈话45人次、集体谈话3次、谈话提醒和批评教育4人次。",
        "（四）抓品牌，促发展，推动党建业务深度融合",
        "一是品牌联建。建立“142”品牌创建机制，即以党建服务品牌为引领，盲按、辅具、助残志愿服务、文明单位建设等4个全国品牌创建和儿童康复、宣传2个全省品牌创建为重点，力争打造一批在全国有影响力、有特色“国”字品牌。",
        // The sample lacks a 、 between 联席会议制度 and 辅助性就业机构扶持办法 (three rules, as recorded).
        "二是工作联动。以落实巡察整改为抓手，推动党建工作与业务工作双融双促，融合共进，制定完善残工委工作规则、执行理事会与专门协会联席会议制度、辅助性就业机构扶持办法等制度，不断完善残疾人事业发展体制机制。",
        "三是典型联树。以“模范机关”创建为抓手，着力打造个人先进典型、集体先进典型和工作典型等三面旗帜，取得良好成效。",
        "市残联被市委市政府授予“集体三等功”；辅具服务品牌被中国残联评价“为全国残疾人辅助器具服务工作提供了范本”、纳入全国盲人按摩规范化建设试点市，辅具、宣传、基层组织建设、残疾人家庭无障碍改造等重点工作先后在全国、全省做经验介绍。",
        "二、存在问题及原因",
        "（一）存在的主要问题",
        .. Problems.Select((p, i) => Ordinals[i] + p),
        "（二）原因分析",
        .. Causes.Select((c, i) => Ordinals[i] + c),
        "三、下一步思路和措施",
        "（一）突出政治统领，做到“两个维护”",
        NextSteps[0],
        "（二）加强组织领导，推动责任落实",
        NextSteps[1],
        "（三）持续正风肃纪，涵养政治生态",
        NextSteps[2],
        "（四）服务中心大局，形成工作合力",
        NextSteps[3],
    ];

    /// <summary>The sample's opening sentence, which the office sets as 2026's preamble.</summary>
    private const string Preamble =
        "今年是党的二十大召开之年，我坚持用习近平新时代中国特色社会主义思想凝心铸魂，认真落实新时代党的建设总要求和新时代党的组织路线，抓基层、打基础，抓规范、促提升，推动基层党组织建设全面进步全面过硬，为推动市残疾人事业高质量发展提供坚强组织保证。";

    private static readonly string[] Ordinals = ["一是", "二是", "三是"];

    private static readonly string[] Problems =
    [
        "对党建工作的重视程度不够。与业务工作相比，还存在时间精力投入不够、思想认识不高的情况，尤其是理论学习抓的不够严，党组的统领作用发挥的效果不高。比如对党中央新出台的重大决策和重要决定在组织学习的过程中，虽能够按要求去组织学习和传达，但党组对党员干部学习情况抓的不够严，缺乏对党员干部学习情况的考核和指导。",
        "推动党建与业务工作有机融合不够。“三队两岗”作用发挥不够明显，没有形成比较有效、有力的抓手。",
        "党支部建设水平有待进一步提升。“三会一课”等党内组织生活执行得不够严格，支部达标创新、“模范机关”创建工作均有待加强。",
    ];

    private static readonly string[] Causes =
    [
        "对理论学习压力传导不够有力。对理论学习紧迫性、重要性认识强调得不够多，学习标准还不够严、悟得不够透，对理论深度的挖掘还存在欠缺。",
        "理论学习与实际工作的结合不够紧密。在理论体系把握上和融汇贯通地运用理论学习成果去指导实际工作上没有好的办法，忽视了理论对实际工作的指导作用，学用结合有所欠缺。",
        "对干部监督管理不够到位。能够始终坚持用制度管权、按制度办事、靠制度管人，但有时还存在干部管理不严格、制度落实不到位的现象，致使对党员干部的要求有所降低，纪律有所放松。",
    ];

    private static readonly string[] NextSteps =
    [
        "把学习宣传贯彻党的二十大精神作为首要政治任务和头等大事，引导干部职工认真领悟党的二十大提出的新思想新论断、作出的新部署新要求，切实把思想和行动统一到党中央精神、省市委的决策部署上来。结合残联系统“走转改”“学听跟”专项活动，以具体、直观、生动的形式开展面对面宣导，团结引领广大残疾人听党话、感党恩、跟党走。精心组织宣传阐释，全方位宣传、多角度报道、深层次解读党的二十大精神，面向不同类别残疾人推出有针对性的宣传品，迅速在全市上下形成声势。",
        "认真履行抓党建第一责任人的职责，团结党组成员，明确成员职责，形成合力，通过增强党组的凝聚力、创造力，不断提升全会各项工作。带头严守党纪党规，坚决落实党建工作各项制度，强化工作指导和督查，做到用制度管人、按制度办事，抓好班子、带好队伍、管好干部。深化“模范机关”创建，充分发挥党员干部的先锋模范作用，大力营造积极向上、团结一致的工作局面。巩固深化市委巡察整改成果，完善理论学习、组织生活等各项制度，进一步规范党组运行机制，推动党内组织生活正常化、经常化。",
        "紧盯重点领域、关键权力加强日常监督，精准运用“四种形态”，促进领导干部在贯彻执行民主集中制、依规依法履职用权等方面带好头。动态开展廉政风险排查，完善防控措施，确保依法秉公廉洁用权，切实为基层减负。坚持严管和厚爱相结合，严格落实中央八项规定精神及其实施细则精神，进一步加强日常督导检查力度，牢固树立纪律意识和规矩意识，切实增强“四个意识”、坚定“四个自信”、做到“两个维护”,持续营造风清气正的政治生态。",
        "聚焦市残联中心工作，以推动残疾人事业高质量发展为主题，以促进残疾人全面发展和共同富裕为主线，充分发挥政治引领力、群众动员力、发展推动力，推动基层党建与年度重点工作深度结合，深入实施《“十四五”残疾人保障和发展规划》，统筹发展和安全，着力推进新时代党的建设新的伟大工程，落实全面从严治党各项要求，为市残疾人事业发展提供坚强政治保障和组织保障。",
    ];

    [Fact]
    public async Task The_samples_facts_recorded_through_the_API_come_out_sentence_by_sentence_in_its_words()
    {
        await RecordTheSampleAsync();
        var report = await Download.ReadAsync(fixture.Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2026, Format = ReportFormat.Markdown }, Caller));
        var body = report.Text[..report.Text.IndexOf("附：数据来源", StringComparison.Ordinal)];

        var missing = Sentences(Expected).Where(s => !body.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in the report:\n" + string.Join("\n", missing) + "\n\nthe report:\n" + body);
        // The title: the organisation (here the tenant's name) and the sample's words.
        Assert.StartsWith($"# {Tenant}党组书记抓基层党建工作述职报告", report.Text, StringComparison.Ordinal);
        // Each count the sentences above state is traced to its records in the appendix.
        Assert.Contains("廉政风险防控措施：21条", report.Text, StringComparison.Ordinal);
        Assert.Contains("| 自查自纠 | 违规吃喝及接待问题 |", report.Text, StringComparison.Ordinal);
        // The counts the sentences leave out (座谈会, 谈心谈话) or write in words (一名) are the appendix's.
        Assert.Contains("座谈会：2次", report.Text, StringComparison.Ordinal);
        Assert.Contains("谈心谈话：3次", report.Text, StringComparison.Ordinal);
        Assert.Contains("个人荣誉：1名", report.Text, StringComparison.Ordinal);
        Assert.Contains("| 先锋队（岗） | 重点工作攻坚先锋队 |", report.Text, StringComparison.Ordinal);
    }

    /// <summary>The sample's sentences: each line split after every 。 (a heading is one sentence).</summary>
    private static IEnumerable<string> Sentences(IEnumerable<string> lines) =>
        lines.SelectMany(l => l.Contains('。', StringComparison.Ordinal)
            ? l.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "。")
            : [l]);

    private static Google.Type.Date Day(int month, int day) => new() { Year = 2026, Month = month, Day = day };

    private int _request;

    private async Task Append(string node, Action<AppendRecordRequest> body)
    {
        var request = new AppendRecordRequest { NodeId = node, RequestId = $"replay-{++_request}" };
        body(request);
        await fixture.Ledger.AppendRecordAsync(request, Caller);
    }

    private async Task Meetings(string node, MeetingKind kind, int count, string topic, int attendees = 7, int expected = 7,
        bool chaired = false, bool asMember = false, bool byPartyGroupSecretary = false, bool bySecretary = false, string lecturer = "",
        string[]? topics = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Append(node, r => r.Meeting = new Meeting
            {
                Kind = kind, Date = Day(1 + (i % 11), 1 + i / 11), Topic = topic, Attendees = attendees, ExpectedAttendees = expected,
                FirstAgendaItem = kind is MeetingKind.PartyGroupMeeting or MeetingKind.TheoryStudyGroup,
                ChairedBySecretary = chaired, SecretaryAsMember = asMember, LecturedByPartyGroupSecretary = byPartyGroupSecretary,
                LecturedBySecretary = bySecretary,
                Lecturer = kind == MeetingKind.PartyLecture ? (byPartyGroupSecretary ? "党组书记" : "支部书记") : lecturer,
                Chair = chaired ? "党组书记" : "",
                Topics = { topics ?? [] },
            });
        }
    }

    private async Task RecordTheSampleAsync()
    {
        await fixture.EnsureAsync(Tenant, Branch, members: 20);
        var root = Nodes.Root;
        await fixture.Reports.SetReportPreambleAsync(new SetReportPreambleRequest { RequestId = "replay-preamble", Year = 2026, Text = Preamble }, Caller);

        // （一） documents, reviews, decision meetings.
        await Append(root, r => r.DocumentIssued = new DocumentIssued { Kind = DocumentKind.Plan, Date = Day(2, 10), Title = "2026年市残联党建工作计划", Issuer = "市残联党组" });
        await Append(root, r => r.DocumentIssued = new DocumentIssued { Kind = DocumentKind.List, Date = Day(2, 12), Title = "2026年市残联机关党支部书记抓党建工作责任清单", Issuer = "市残联党组" });
        await Append(root, r => r.DocumentIssued = new DocumentIssued { Kind = DocumentKind.Mechanism, Date = Day(3, 1), Title = "“142”品牌创建机制", Issuer = "市残联党组" });
        foreach (var (title, day) in new[] { ("残工委工作规则", 1), ("执行理事会与专门协会联席会议制度", 2), ("辅助性就业机构扶持办法", 3) })
        {
            await Append(root, r => r.DocumentIssued = new DocumentIssued { Kind = DocumentKind.Rules, Date = Day(4, day), Title = title });
        }

        foreach (var month in new[] { 3, 6, 9, 11 })
        {
            await Append(root, r => r.QuarterlyReview = new QuarterlyReview
            {
                Date = Day(month, 20), Topic = "听取机关党支部党建工作汇报", Reporter = "支部书记", Mechanism = "“四个一”工作机制",
            });
        }

        await Meetings(root, MeetingKind.PartyGroupMeeting, 8, "党组会", chaired: true, topics: ["党的二十大精神"]);
        await Meetings(root, MeetingKind.PartyGroupMeeting, 4, "党组会");
        await Meetings(root, MeetingKind.ChairOfficeMeeting, 6, "理事长办公会");
        await Meetings(root, MeetingKind.DemocraticLifeMeeting, 1, "党组班子民主生活会");

        // （二） study, 三会一课 and the secretary's own part at the branch.
        await Meetings(root, MeetingKind.TheoryStudyGroup, 13, "党组理论中心组学习", chaired: true, topics: ["党的二十大精神", "习近平总书记“7.9”重要讲话精神"]);
        await Meetings(root, MeetingKind.WeeklyCadreStudy, 10, "周二机关干部学习", attendees: 30, expected: 0);
        await Meetings(root, MeetingKind.MembersForum, 4, "党员讲坛", attendees: 30, expected: 0);
        await Meetings(root, MeetingKind.StudyDiscussion, 6, "学习研讨", attendees: 20, expected: 0);
        await Meetings(root, MeetingKind.SpecialLecture, 3, "专题辅导", attendees: 40, expected: 0, lecturer: "市委党校教授");
        await Meetings(Branch, MeetingKind.PartyLecture, 2, "党组书记为机关支部全体党员讲党课", attendees: 18, expected: 20, byPartyGroupSecretary: true);
        await Meetings(Branch, MeetingKind.PartyLecture, 1, "支部书记讲党课", attendees: 18, expected: 20, bySecretary: true);
        await Meetings(Branch, MeetingKind.BranchGeneralMeeting, 2, "支部党员大会", attendees: 18, expected: 20, asMember: true);
        await Meetings(Branch, MeetingKind.ThemeDay, 3, "主题党日活动", attendees: 18, expected: 20, asMember: true);
        const string theme = "学习宣传贯彻党的二十大精神";
        await Append(Branch, r => r.Activity = new Activity { Kind = ActivityKind.OathRenewal, Date = Day(7, 1), Topic = "重温入党誓词", Participants = 18, Theme = theme });
        await Append(Branch, r => r.Activity = new Activity { Kind = ActivityKind.SiteVisit, Date = Day(7, 15), Topic = "现场参观", Participants = 18, Theme = theme });
        await Append(root, r => r.Activity = new Activity
        {
            Kind = ActivityKind.OutreachTalk, Date = Day(11, 8), Topic = "党的二十大精神", Participants = 60, Organiser = "市残联党组", Theme = theme, ByPartyGroupSecretary = true,
        });

        // （三） 三队两岗, members reporting, young cadres, supervision.
        foreach (var (kind, name, campaign, role) in new[]
        {
            (VanguardKind.Team, "重点工作攻坚先锋队", "疫情防控", "当先锋"), (VanguardKind.Team, "就业服务先锋队", "“五比五晒”", "打头阵"),
            (VanguardKind.Team, "康复服务先锋队", "疫情防控", "当先锋"), (VanguardKind.Post, "党员先锋岗", "", ""), (VanguardKind.Post, "党员志愿服务岗", "", ""),
        })
        {
            await Append(root, r => r.Vanguard = new Vanguard { Kind = kind, Date = Day(3, 10), Name = name, Campaign = campaign, Role = role, Members = 5 });
        }

        await Append(Branch, r => r.CommunityService = new CommunityService
        {
            Kind = CommunityServiceKind.MembersReporting, Date = Day(4, 10), Topic = "疫情防控、创城", Members = 20, RosterSize = 20, Community = "东城社区",
        });
        await Append(root, r => r.Recognition = new Recognition
        {
            Kind = RecognitionKind.Named, Date = Day(6, 1), Subject = "“助残连心”党建服务品牌", RecognisedBy = "市直机关", Wording = "新时代党建服务品牌",
        });
        await Append(root, r => r.YouthDevelopment = new YouthDevelopment { Kind = YouthDevelopmentKind.Mentoring, Date = Day(2, 1), Name = "支委联系帮带年轻干部、党外干部制度", Pairs = 6, Sessions = 4 });
        await Append(root, r => r.YouthDevelopment = new YouthDevelopment { Kind = YouthDevelopmentKind.StudyGroup, Date = Day(2, 2), Name = "青年干部理论学习小组", Sessions = 10 });
        await Meetings(root, MeetingKind.Symposium, 2, "年轻干部座谈会", attendees: 12, expected: 0);
        foreach (var (a, b) in new[] { ("党组书记", "张三"), ("党组书记", "李四"), ("支部书记", "王五") })
        {
            await Append(root, r => r.Talk = new Talk { Kind = TalkKind.HeartToHeart, Date = Day(5, 6), Topic = "谈心谈话", PersonA = a, PersonB = b });
        }

        await Append(root, r => r.Honour = new Honour
        {
            Date = Day(9, 1), Title = "全国“人民满意的公务员”", Recipient = "赵六", RecipientKind = RecipientKind.Person, Level = RecognitionLevel.National, AwardedBy = "人力资源社会保障部",
        });
        foreach (var (topic, subject) in new[] { (SelfInspectionTopic.ImproperDining, "违规吃喝及接待问题"), (SelfInspectionTopic.ImproperBusiness, "公职人员违规经商办企业") })
        {
            await Append(root, r => r.SelfInspection = new SelfInspection
            {
                Topic = topic, Date = Day(5, 20), Subject = subject, Basis = "《加强干部“八小时之外”管理监督工作暂行办法》", Scope = "机关全体干部",
                ProblemsFound = 2, ProblemsFixed = 2,
            });
        }

        await Append(root, r => r.RiskPoint = new RiskPoint { Date = Day(3, 15), RiskPoint_ = "项目资金审批", Measures = { Enumerable.Range(1, 12).Select(i => $"措施{i}") } });
        await Append(root, r => r.RiskPoint = new RiskPoint { Date = Day(3, 16), RiskPoint_ = "辅具采购", Measures = { Enumerable.Range(1, 9).Select(i => $"措施{i}") } });
        await Meetings(root, MeetingKind.WarningEducation, 2, "节前警示教育", attendees: 30, expected: 0);
        await Append(root, r => r.Talk = new Talk { Kind = TalkKind.Integrity, Date = Day(1, 20), Topic = "节前廉政谈话", People = 30 });
        await Append(root, r => r.Talk = new Talk { Kind = TalkKind.Integrity, Date = Day(9, 20), Topic = "节前廉政谈话", People = 15 });
        for (var i = 0; i < 3; i++)
        {
            await Append(root, r => r.Talk = new Talk { Kind = TalkKind.Group, Date = Day(2 + i, 5), Topic = "集体谈话", People = 25 });
        }

        await Append(root, r => r.Talk = new Talk { Kind = TalkKind.Reminder, Date = Day(6, 5), Topic = "谈话提醒", People = 4 });

        // （四） brands, remediation, campaigns, honours and recognitions.
        foreach (var (name, level) in new[]
        {
            ("盲按", RecognitionLevel.National), ("辅具", RecognitionLevel.National), ("助残志愿服务", RecognitionLevel.National), ("文明单位建设", RecognitionLevel.National),
            ("儿童康复", RecognitionLevel.Provincial), ("宣传", RecognitionLevel.Provincial),
        })
        {
            await Append(root, r => r.BrandProject = new BrandProject { Date = Day(1, 15), Name = name, Level = level, Status = BrandStatus.Building });
        }

        await Append(root, r => r.Finding = new Finding
        {
            Date = Day(3, 20), FindingId = "shenji-1", Source = "审计", Finding_ = "专项资金拨付不及时", Measures = { "建立资金拨付台账" },
            ResponsiblePerson = "孙八", Type = RemediationType.FixNow, Deadline = Day(4, 30),
        });
        await Append(root, r => r.Finding = new Finding
        {
            Date = Day(4, 1), FindingId = "xuncha-1", Source = "巡察", Finding_ = "党建与业务融合不够", Measures = { "建立双融双促机制" },
            ResponsiblePerson = "钱七", Type = RemediationType.ByDeadline, Deadline = Day(12, 31),
        });
        await Append(root, r => r.Campaign = new Campaign { Date = Day(3, 5), Name = "“模范机关”创建", Status = CampaignStatus.InProgress, Level = RecognitionLevel.City });
        await Append(root, r => r.Honour = new Honour
        {
            Date = Day(10, 1), Title = "“集体三等功”", Recipient = "市残联", RecipientKind = RecipientKind.Unit, Level = RecognitionLevel.City, AwardedBy = "市委市政府",
        });
        await Append(root, r => r.Recognition = new Recognition
        {
            Kind = RecognitionKind.Praised, Date = Day(8, 1), Subject = "辅具服务品牌", RecognisedBy = "中国残联", Wording = "为全国残疾人辅助器具服务工作提供了范本",
        });
        await Append(root, r => r.Recognition = new Recognition
        {
            Kind = RecognitionKind.Pilot, Date = Day(8, 2), Subject = "盲人按摩", RecognisedBy = "中国残联", Wording = "全国盲人按摩规范化建设试点市",
        });
        foreach (var (subject, at) in new[] { ("辅具", "全国"), ("宣传", "全国"), ("基层组织建设", "全省"), ("残疾人家庭无障碍改造", "全省") })
        {
            await Append(root, r => r.Recognition = new Recognition { Kind = RecognitionKind.ExperienceSharing, Date = Day(10, 10), Subject = subject, RecognisedBy = at });
        }

        // 二、三: the office's own text, as self-assessment entries numbered within their part.
        foreach (var (section, texts) in new[]
        {
            (SelfAssessmentSection.Problem, Problems), (SelfAssessmentSection.Cause, Causes), (SelfAssessmentSection.NextStep, NextSteps),
        })
        {
            for (var i = 0; i < texts.Length; i++)
            {
                var (order, text) = (i + 1, texts[i]);
                await Append(root, r => r.SelfAssessment = new SelfAssessment { Date = Day(11, 30), Year = 2026, Section = section, Order = order, Text = text });
            }
        }
    }
}
