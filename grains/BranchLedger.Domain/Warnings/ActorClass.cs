namespace BranchLedger.Domain.Warnings;

/// <summary>Who carries a duty-list item: the three columns of a 责任清单.</summary>
public enum ActorClass
{
    /// <summary>Not set; never valid in a record.</summary>
    Unspecified = 0,
    /// <summary>党组 — the party group as a body (主体责任).</summary>
    Body = 1,
    /// <summary>书记 — the secretary as first responsible person (第一责任人).</summary>
    SecretaryFirstResponsible = 2,
    /// <summary>班子成员 — members' dual duty for their own areas (一岗双责).</summary>
    MemberDualDuty = 3,
}

/// <summary>Display names of actor classes.</summary>
public static class ActorClasses
{
    /// <summary>党组主体责任 / 书记第一责任人 / 班子成员一岗双责.</summary>
    public static string DisplayName(this ActorClass actor) => actor switch
    {
        ActorClass.Body => "党组主体责任",
        ActorClass.SecretaryFirstResponsible => "书记第一责任人",
        ActorClass.MemberDualDuty => "班子成员一岗双责",
        _ => "",
    };
}
