using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>One body of the demo city: who it is, its party group and its branches.</summary>
internal sealed record DemoBody(
    string TenantId, string DisplayName, BodyKind Kind, string Short, string Organisation, string Brand,
    IReadOnlyList<(string Id, string Name)> Branches);

/// <summary>The five municipal bodies of the demo city and their 60 branches.</summary>
internal static class DemoCatalog
{
    /// <summary>
    /// The <paramref name="index"/>-th body of a benchmark city: the demo bodies in turn, numbered (市总工会（第3）),
    /// with <paramref name="branches"/> branches named after the body's own, numbered past the first round.
    /// </summary>
    public static DemoBody Numbered(int index, int branches)
    {
        if (branches < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(branches), "A body needs at least two branches (their diligence is spread over them).");
        }

        var model = Bodies[index % Bodies.Count];
        var suffix = $"（{(index / Bodies.Count) + 1}）";
        var names = Enumerable.Range(0, branches).Select(j =>
        {
            var (_, name) = model.Branches[j % model.Branches.Count];
            var round = j / model.Branches.Count;
            return ($"b{j:D5}", round == 0 ? name : $"{name}{round + 1}");
        }).ToList();
        return model with
        {
            TenantId = CityShape.TenantId(index), DisplayName = model.DisplayName + suffix,
            Organisation = model.Organisation + suffix, Branches = names,
        };
    }

    public static IReadOnlyList<DemoBody> Bodies { get; } =
    [
        new("demo-disabled-fed", "市残疾人联合会", BodyKind.MassOrganisation, "市残联", "市残联党组", "“助残先锋”党建品牌",
        [
            ("office-branch", "机关党支部"),
            ("rehab-centre-branch", "康复中心党支部"),
            ("employment-branch", "残疾人就业服务中心党支部"),
            ("assistive-devices-branch", "辅助器具资源中心党支部"),
            ("special-school-branch", "特殊教育学校党支部"),
            ("sports-centre-branch", "残疾人体育训练中心党支部"),
            ("art-troupe-branch", "残疾人艺术团党支部"),
            ("legal-aid-branch", "残疾人法律救助中心党支部"),
            ("welfare-fund-branch", "残疾人福利基金会党支部"),
            ("rehab-hospital-branch", "康复医院党支部"),
            ("vocational-branch", "残疾人职业培训中心党支部"),
            ("massage-centre-branch", "盲人按摩指导中心党支部"),
            ("service-centre-branch", "残疾人综合服务中心党支部"),
            ("retirees-branch", "离退休干部党支部"),
        ]),
        new("demo-trade-union", "市总工会", BodyKind.PeoplesOrganisation, "市总工会", "市总工会党组", "“职工之家”党建品牌",
        [
            ("office-branch", "机关党支部"),
            ("rights-branch", "权益保障部党支部"),
            ("organisation-branch", "组织部党支部"),
            ("workers-palace-branch", "工人文化宫党支部"),
            ("sanatorium-branch", "职工疗休养中心党支部"),
            ("legal-service-branch", "职工法律服务中心党支部"),
            ("mutual-aid-branch", "职工互助保障会党支部"),
            ("skills-branch", "职工技能培训中心党支部"),
            ("hardship-aid-branch", "困难职工帮扶中心党支部"),
            ("newspaper-branch", "工人报社党支部"),
            ("sports-branch", "职工体育协会党支部"),
            ("retirees-branch", "离退休干部党支部"),
        ]),
        new("demo-youth-league", "团市委", BodyKind.PeoplesOrganisation, "团市委", "团市委党组", "“青春领航”党建品牌",
        [
            ("office-branch", "机关党支部"),
            ("youth-palace-branch", "青少年宫党支部"),
            ("volunteer-branch", "青年志愿者协会党支部"),
            ("start-up-branch", "青年创业就业服务中心党支部"),
            ("camp-branch", "青少年活动营地党支部"),
            ("hotline-branch", "青少年服务热线党支部"),
            ("youth-federation-branch", "青年联合会党支部"),
            ("pioneers-branch", "少工委办公室党支部"),
            ("new-media-branch", "青年新媒体中心党支部"),
            ("rights-branch", "青少年权益部党支部"),
            ("school-work-branch", "学校部党支部"),
            ("retirees-branch", "离退休干部党支部"),
        ]),
        new("demo-womens-fed", "市妇女联合会", BodyKind.PeoplesOrganisation, "市妇联", "市妇联党组", "“巾帼红”党建品牌",
        [
            ("office-branch", "机关党支部"),
            ("family-branch", "家庭和儿童工作部党支部"),
            ("rights-branch", "权益部党支部"),
            ("development-branch", "发展部党支部"),
            ("childrens-centre-branch", "儿童活动中心党支部"),
            ("cadre-school-branch", "妇女干部学校党支部"),
            ("kindergarten-branch", "妇联幼儿园党支部"),
            ("family-education-branch", "家庭教育指导中心党支部"),
            ("hotline-branch", "妇女维权热线党支部"),
            ("marriage-service-branch", "婚姻家庭服务中心党支部"),
            ("retirees-branch", "离退休干部党支部"),
        ]),
        new("demo-sci-tech", "市科学技术协会", BodyKind.PeoplesOrganisation, "市科协", "市科协党组", "“科技先锋”党建品牌",
        [
            ("office-branch", "机关党支部"),
            ("popularisation-branch", "科普部党支部"),
            ("academic-branch", "学会学术部党支部"),
            ("museum-branch", "科技馆党支部"),
            ("talent-branch", "科技人才服务中心党支部"),
            ("consulting-branch", "科技咨询服务中心党支部"),
            ("journal-branch", "科技期刊社党支部"),
            ("enterprise-branch", "企业科协联合党支部"),
            ("youth-science-branch", "青少年科技中心党支部"),
            ("engineers-branch", "工程师学会联合党支部"),
            ("retirees-branch", "离退休干部党支部"),
        ]),
    ];
}
