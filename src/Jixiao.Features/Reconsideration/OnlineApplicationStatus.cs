using System.Security.Cryptography;
using System.Text;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>
/// The public status query (进度查询): with the case number, the query code and the applicant's ID
/// number together, the stages of the case and their dates; with anything else, nothing — a wrong
/// code, a wrong ID number and an unknown number all give the same empty answer, in about the same time.
/// </summary>
public sealed class OnlineApplicationStatus(DatabaseSettings database)
{
    public sealed record Progress(string CaseNumber, IReadOnlyList<ProgressStage> Stages);

    public async Task<Progress?> HandleAsync(string? caseNumber, string? queryCode, string? idNumber, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var number = (caseNumber ?? string.Empty).Trim();
        await using var db = database.Create(CurrentUser.PublicApplicant(clientAddress));
        var found = number.Length is > 0 and <= 40
            ? await db.OnlineApplications.AsNoTracking().Where(a => a.Case!.CaseNumber == number)
                .Select(a => new { a.CaseId, a.QueryCodeHash }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (!QueryCodes.Matches(queryCode, found?.QueryCodeHash) || found is null)
        {
            return null;
        }

        var c = await db.ReconsiderationCases.AsNoTracking().Include(x => x.Suspensions).FirstAsync(x => x.Id == found.CaseId, cancellationToken);
        var typed = Encoding.UTF8.GetBytes((idNumber ?? string.Empty).Trim().ToUpperInvariant());
        var recorded = Encoding.UTF8.GetBytes(c.ApplicantIdNumber ?? string.Empty);
        return recorded.Length > 0 && CryptographicOperations.FixedTimeEquals(typed, recorded)
            ? new Progress(c.CaseNumber, ApplicantProgress.Of(c))
            : null;
    }
}
