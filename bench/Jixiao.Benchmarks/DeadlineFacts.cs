using Jixiao.Domain.Reconsideration;

namespace Jixiao.Benchmarks;

/// <summary>
/// Synthetic but realistic deadline facts of reconsideration cases, received 2023-01 to 2026-05 (the years the
/// shipped working-day calendar holds): some still under review or awaiting a supplement, some ended before
/// acceptance, most accepted; of those a fifth in summary procedure (2024 law only), some switched to ordinary,
/// about one in six suspended once or twice (some still suspended), one in ten extended by up to 30 days,
/// hearings, opinion and recommendation letters, and most closed. Deterministic for a seed.
/// </summary>
public static class DeadlineFacts
{
    public static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly First = new(2023, 1, 3);
    private static readonly DateOnly Last = new(2026, 5, 31);

    public static ReconsiderationFacts[] Generate(int count, int seed = 8)
    {
        var random = new Random(seed);
        var span = Last.DayNumber - First.DayNumber;
        var facts = new ReconsiderationFacts[count];
        for (var i = 0; i < count; i++)
        {
            facts[i] = One(random, DateOnly.FromDayNumber(First.DayNumber + random.Next(span + 1)), i);
        }

        return facts;
    }

    private static ReconsiderationFacts One(Random random, DateOnly received, int i)
    {
        var facts = new ReconsiderationFacts(received);
        var cap = Today;
        DateOnly After(DateOnly from, int min, int max) => from.AddDays(random.Next(min, max + 1));

        var kind = random.Next(100);
        DateOnly reviewFrom = received;
        if (random.Next(100) < 12)
        {
            var requested = After(received, 1, 6);
            facts = facts with { SupplementRequestedOn = requested };
            if (kind < 4 && requested < cap)
            {
                return facts; // awaiting the supplement
            }

            reviewFrom = After(requested, 2, 14);
            facts = facts with { SupplementReceivedOn = reviewFrom };
        }

        if (kind < 8 && reviewFrom.AddDays(7) > cap)
        {
            return facts; // still under review
        }

        if (kind < 14)
        {
            return facts with { EndedBeforeAcceptanceOn = After(reviewFrom, 1, 7) };
        }

        var accepted = After(reviewFrom, 1, 7);
        var summary = received >= DeadlineRuleSet.Law2023InForce && random.Next(100) < 20;
        facts = facts with { AcceptedOn = accepted, Procedure = summary ? Procedure.Summary : Procedure.Ordinary };
        if (summary && random.Next(100) < 10)
        {
            facts = facts with { Procedure = Procedure.Ordinary, SwitchedToOrdinaryOn = After(accepted, 5, 20) };
            summary = false;
        }

        var copy = After(accepted, 1, 6);
        facts = facts with { CopySentOn = copy, AnswerReceivedOn = random.Next(100) < 90 ? After(copy, 3, 13) : null };
        var suspensions = new List<SuspensionPeriod>();
        if (!summary && random.Next(100) < 16)
        {
            var from = After(accepted, 10, 40);
            var to = random.Next(100) < 20 ? (DateOnly?)null : After(from, 10, 60);
            suspensions.Add(new SuspensionPeriod(from, to, SuspensionGround.DependsOnOtherCase));
            if (to is { } resumed && random.Next(100) < 25)
            {
                var again = After(resumed, 5, 20);
                suspensions.Add(new SuspensionPeriod(again, random.Next(100) < 30 ? null : After(again, 5, 30), SuspensionGround.ApplicantIncapacitated));
            }
        }

        var extension = !summary && random.Next(100) < 10 ? random.Next(10, 31) : 0;
        facts = facts with { Suspensions = suspensions, ExtensionDays = extension };
        if (!summary && random.Next(100) < 5)
        {
            var hearing = After(accepted, 20, 40);
            facts = facts with { HearingOn = hearing, HearingNoticeOn = hearing.AddDays(-random.Next(5, 12)) };
        }

        var paused = suspensions.Sum(s => s.To is { } to ? to.DayNumber - s.From.DayNumber : 0);
        var closeBy = accepted.AddDays((summary ? 30 : 60) + paused + extension + random.Next(-25, 8));
        var stillSuspended = suspensions.Any(s => s.To is null);
        if (!stillSuspended && closeBy < cap && random.Next(100) < 92)
        {
            facts = facts with { ClosedOn = closeBy };
            if (random.Next(100) < 3)
            {
                var served = After(closeBy, 3, 20);
                facts = facts with
                {
                    Letters =
                    [
                        new LetterFacts(random.Next(2) == 0 ? LetterKind.Opinion : LetterKind.Recommendation, $"江府复意〔{served.Year}〕{i % 1000 + 1}号", served,
                            random.Next(100) < 70 ? After(served, 20, 70) : null),
                    ],
                };
            }
        }

        return facts;
    }
}
