namespace BranchLedger.Domain.Directory;

/// <summary>What kind of municipal body a tenant is (values match the API's enum).</summary>
public enum BodyKind
{
    /// <summary>Not set; never valid on a profile.</summary>
    Unspecified = 0,
    /// <summary>党政机关: a municipal department.</summary>
    GovernmentDepartment = 1,
    /// <summary>人民团体: 总工会, 团市委, 妇联, 科协 and the like.</summary>
    PeoplesOrganisation = 2,
    /// <summary>群众团体: 残联, 文联, 红十字会 and the like.</summary>
    MassOrganisation = 3,
    /// <summary>事业单位.</summary>
    PublicInstitution = 4,
    /// <summary>国有企业.</summary>
    StateEnterprise = 5,
    /// <summary>Anything else.</summary>
    Other = 6,
}
