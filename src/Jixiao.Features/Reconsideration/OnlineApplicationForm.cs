using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Challenges;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// What the public application form offers (no sign-in): the reconsideration bodies of the unit tree,
/// the maintained list of agencies that can be respondents, and a fresh challenge.
/// </summary>
public sealed class OnlineApplicationForm(UnitDirectory units, DatabaseSettings database, ProofOfWorkChallenges challenges, IOptions<OnlineApplicationOptions> options)
{
    public sealed record Body(string Code, string Name);

    /// <summary>The units that receive applications, the city first, then the counties in their order.</summary>
    public async Task<IReadOnlyList<Body>> BodiesAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await units.GetAsync(cancellationToken);
        return [.. snapshot.Units.Values
            .Where(u => ReconsiderationBodies.Receives(u.Level, u.Kind, u.IsActive))
            .OrderBy(u => snapshot.Tree.DepthOf(u.Id)).ThenBy(u => u.SortOrder).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new Body(u.Code, u.Name))];
    }

    /// <summary>The names of the agencies in the maintained list, for the respondent field's suggestions.</summary>
    public async Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(CurrentUser.PublicApplicant(null));
        return await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
    }

    /// <summary>A challenge for one submission of the form.</summary>
    public IssuedChallenge NewChallenge() =>
        challenges.Issue(SubmitOnlineApplication.Form, options.Value.ChallengeBits, TimeSpan.FromMinutes(options.Value.ChallengeMinutes));
}
