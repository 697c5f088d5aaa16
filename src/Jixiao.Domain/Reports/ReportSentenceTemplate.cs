using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Reports;

/// <summary>
/// The sentence template of one area for part 三 of every self-evaluation report (ADR-014): kept as data, edited by
/// the performance officers and administrators; each project's report may then edit the sentences it generated.
/// </summary>
public sealed class ReportSentenceTemplate
{
    private ReportSentenceTemplate()
    {
        Text = string.Empty;
    }

    public ReportSentenceTemplate(Area area, string text)
    {
        Area = area;
        Text = SentenceTemplate.Parse(text).Text;
    }

    public int Id { get; private set; }

    public Area Area { get; private set; }

    /// <summary>The template text, e.g. 全年共新收行政复议案件{reconsideration.received}件……</summary>
    public string Text { get; private set; }

    public SentenceTemplate Template => SentenceTemplate.Parse(Text);

    /// <summary>Replaces the text; a malformed template is refused with the fault named.</summary>
    public void Update(string text) => Text = SentenceTemplate.Parse(text).Text;
}
