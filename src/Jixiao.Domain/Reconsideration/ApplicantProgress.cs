using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Reconsideration;

/// <summary>One stage of a case as the applicant sees it on the public status page: its name, its date, and whether the case stands there now.</summary>
public sealed record ProgressStage(string Name, DateOnly? On, bool Current);

/// <summary>
/// What the public status page tells an applicant about their case: the stages it has passed and the
/// one it stands at, with dates — nothing else (no handler, no outcome, no notes, no other party).
/// </summary>
public static class ApplicantProgress
{
    public static IReadOnlyList<ProgressStage> Of(ReconsiderationCase application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var c = application;
        var stages = new List<ProgressStage> { new("已收到", c.ReceivedOn, false) };
        if (c.SupplementRequestedOn is { } requested)
        {
            stages.Add(new("待补正", requested, c.State == CaseState.AwaitingSupplement));
        }

        if (c.SupplementReceivedOn is { } supplemented)
        {
            stages.Add(new("已补正", supplemented, false));
        }

        switch (c.State)
        {
            case CaseState.UnderReview:
                stages.Add(new("审查中", c.SupplementReceivedOn ?? c.ReceivedOn, true));
                break;
            case CaseState.EndedBeforeAcceptance:
                stages.Add(new("已办结（未受理）", c.EndedBeforeAcceptanceOn, true));
                break;
            case CaseState.Accepted:
                stages.Add(new("已受理", c.AcceptedOn, false));
                stages.Add(new("审理中", null, true));
                break;
            case CaseState.Suspended:
                stages.Add(new("已受理", c.AcceptedOn, false));
                stages.Add(new("中止审理", c.Suspensions.Count > 0 ? c.Suspensions[^1].From : null, true));
                break;
            case CaseState.Closed:
                stages.Add(new("已受理", c.AcceptedOn, false));
                stages.Add(new("已结案", c.ClosedOn, true));
                break;
        }

        return stages;
    }
}

/// <summary>Which units receive reconsideration applications (行政复议机构): the public form offers these.</summary>
public static class ReconsiderationBodies
{
    /// <summary>
    /// True for an active bureau (行政机关, not an office or the finance bureau) at county level or
    /// above: the city bureau and the county bureaus of the unit tree.
    /// </summary>
    /// <remarks>《行政复议法》第四条：县级以上各级人民政府是行政复议机关，其办理行政复议事项的机构是行政复议机构（司法行政部门）；第二十四条：县级以上地方各级人民政府管辖的案件。</remarks>
    public static bool Receives(UnitLevel level, UnitKind kind, bool isActive) =>
        isActive && kind == UnitKind.Bureau && level is UnitLevel.Province or UnitLevel.City or UnitLevel.County;
}
