using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>
/// How the shipped default notice templates (src/Jixiao.Infrastructure/Documents/NoticeTemplates/*.docx) are
/// made: GB/T 9704-2012 layout (A4, 37/35/28/26 mm margins, 28 pt lines), the reconsideration body and the
/// title centred in 方正小标宋简体 二号, the document number (文号) on its own line, the body in 仿宋_GB2312 三号
/// with a two-character first-line indent, the body name and the date at the right. Parts the handler writes
/// are marked 【…】 and highlighted. <see cref="DefaultNoticeTemplatesTests"/> keeps the files and this
/// source in step; JIXIAO_WRITE_NOTICE_TEMPLATES=1 rewrites the files.
/// </summary>
internal static class DefaultNoticeTemplateSource
{
    private enum LineKind
    {
        Issuer,
        Title,
        Number,
        Blank,
        Addressee,
        Body,
        Signature,
    }

    private sealed record Line(LineKind Kind, string Text = "");

    public static byte[] Build(NoticeKind notice) =>
        WordPackage.Write(Notices.Title(notice) + "（模板）", main =>
        {
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordPackage.Styles(ReportDocx.BodyFont, BodyPoints);
            var body = main.Document.Body!;
            var lines = Lines(notice).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                // The last paragraphs stay with the signature (GB/T 9704 7.3.5.4: no page with only the date), and a line
                // that introduces what follows (“本机关决定如下：”) stays with it.
                var keep = (i >= lines.Count - 4 && i < lines.Count - 1) || lines[i].Text.EndsWith('：');
                body.Append(Paragraph(lines[i], keepWithNext: keep));
            }

            body.Append(WordPackage.OfficialPage(main));
        });

    private const double BodyPoints = 16;
    private const double TitlePoints = 22;

    private static IEnumerable<Line> Lines(NoticeKind notice)
    {
        yield return new(LineKind.Issuer, "{{复议机关}}");
        yield return new(LineKind.Title, Notices.Title(notice));
        yield return new(LineKind.Number, "{{文号}}");
        yield return new(LineKind.Blank);
        foreach (var line in Text(notice))
        {
            yield return line;
        }

        yield return new(LineKind.Blank);
        yield return new(LineKind.Signature, "{{复议机关}}");
        yield return new(LineKind.Signature, "{{成文日期}}");
    }

    private static Line Body(string text) => new(LineKind.Body, text);

    private static Line[] Text(NoticeKind notice) => notice switch
    {
        NoticeKind.Acceptance =>
        [
            new(LineKind.Addressee, "{{申请人}}："),
            Body("{{申请人称谓}}不服{{被申请复议的行政行为}}，于{{收到申请日期}}向本机关提出的行政复议申请收悉。经审查，该申请符合{{受理法条}}规定的受理条件，本机关决定自{{受理日期}}起受理，本案适用{{审理程序}}审理。"),
            Body("本机关将自受理之日起{{审理期限}}内，即不迟于{{审理期限届满日}}作出行政复议决定；依法中止或者延期审理的，另行书面通知。"),
            Body("特此通知。"),
        ],
        NoticeKind.AnswerRequest =>
        [
            new(LineKind.Addressee, "{{被申请人}}："),
            Body("申请人{{申请人}}不服{{被申请复议的行政行为}}，于{{收到申请日期}}向本机关申请行政复议，本机关已于{{受理日期}}依法受理。根据{{答复法条}}的规定，现将行政复议申请书副本（或者申请笔录复印件）发送你单位，请你单位自收到之日起{{答复期限}}内提出书面答复，并提交作出该行政行为的证据、依据和其他有关材料。本通知于{{发送副本日期}}送达的，答复期限至{{答复期限届满日}}届满。"),
            Body("被申请人不按照规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据。"),
            Body("特此通知。"),
            Body("附件：行政复议申请书副本（或者申请笔录复印件）"),
        ],
        NoticeKind.Supplement =>
        [
            new(LineKind.Addressee, "{{申请人}}："),
            Body("{{申请人称谓}}于{{收到申请日期}}向本机关提出的行政复议申请，经审查，申请材料不齐全或者表述不清楚，无法判断是否符合法定受理条件。根据{{补正法条}}的规定，请{{申请人称谓}}自收到本通知之日起{{补正期限}}内补正下列事项："),
            Body("{{补正事项}}"),
            Body("本通知于{{通知补正日期}}送达的，补正期限至{{补正期限届满日}}届满。无正当理由逾期不补正的，视为放弃行政复议申请。"),
            Body("特此通知。"),
        ],
        NoticeKind.Refusal =>
        [
            Body("申请人：{{申请人情况}}。"),
            Body("委托代理人：{{委托代理人}}。"),
            Body("被申请人：{{被申请人}}。"),
            Body("申请人不服{{被申请复议的行政行为}}，于{{收到申请日期}}向本机关提出行政复议申请，请求：{{行政复议请求}}"),
            Body("经审查，本机关认为：{{不予受理理由}}。根据{{不予受理法条}}的规定，本机关决定不予受理。"),
            Body("申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。"),
        ],
        NoticeKind.Extension =>
        [
            new(LineKind.Addressee, "{{申请人}}、{{被申请人}}："),
            Body("申请人{{申请人}}不服{{被申请复议的行政行为}}提出的行政复议申请，本机关已于{{受理日期}}依法受理。因案情复杂，不能在规定期限内作出行政复议决定，经本机关行政复议机构负责人批准，根据{{延期法条}}的规定，决定延期审理，延长期限{{延长天数}}日，行政复议决定期限由{{原审理期限届满日}}延长至{{新审理期限届满日}}。"),
            Body("特此通知。"),
        ],
        NoticeKind.Decision =>
        [
            Body("申请人：{{申请人情况}}。"),
            Body("委托代理人：{{委托代理人}}。"),
            Body("被申请人：{{被申请人}}。"),
            Body("申请人不服{{被申请复议的行政行为}}，于{{收到申请日期}}向本机关申请行政复议，本机关于{{受理日期}}依法受理，适用{{审理程序}}审理。本案现已审理终结。"),
            Body("申请人请求：{{行政复议请求}}"),
            Body("申请人称：【请填写申请人提出的事实和理由】"),
            Body("被申请人称：【请填写被申请人的答复意见】"),
            Body("经审理查明：【请填写经审理查明的事实和证据】"),
            Body("本机关认为：【请填写作出决定的理由】"),
            Body("根据{{决定法条}}的规定，本机关决定如下："),
            Body("{{决定结果}}"),
            Body("申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, null),
    };

    private static Paragraph Paragraph(Line line, bool keepWithNext)
    {
        var properties = new ParagraphProperties();
        if (keepWithNext)
        {
            properties.Append(new KeepNext());
        }

        var (font, points) = line.Kind is LineKind.Issuer or LineKind.Title ? (ReportDocx.TitleFont, TitlePoints) : (ReportDocx.BodyFont, BodyPoints);
        properties.Append(line.Kind switch
        {
            LineKind.Issuer => new SpacingBetweenLines { Before = "0", After = "0", Line = "700", LineRule = LineSpacingRuleValues.Exact },
            LineKind.Title => new SpacingBetweenLines { Before = "0", After = "0", Line = "700", LineRule = LineSpacingRuleValues.Exact },
            LineKind.Number => new SpacingBetweenLines { Before = Twips(ReportDocx.LineTwips / 2), After = "0", Line = Twips(ReportDocx.LineTwips), LineRule = LineSpacingRuleValues.Exact },
            _ => new SpacingBetweenLines { Before = "0", After = "0", Line = Twips(ReportDocx.LineTwips), LineRule = LineSpacingRuleValues.Exact },
        });
        switch (line.Kind)
        {
            case LineKind.Body:
                properties.Append(
                    new Indentation { FirstLine = Twips(ReportDocx.CharTwips * 2), FirstLineChars = 200 },
                    new Justification { Val = JustificationValues.Both });
                break;
            case LineKind.Signature:
                properties.Append(
                    new Indentation { Right = Twips(ReportDocx.CharTwips * 4) },
                    new Justification { Val = JustificationValues.Right });
                break;
            case LineKind.Number:
                properties.Append(new Justification { Val = JustificationValues.Right });
                break;
            case LineKind.Issuer or LineKind.Title:
                properties.Append(new Justification { Val = JustificationValues.Center });
                break;
            default:
                properties.Append(new Justification { Val = JustificationValues.Both });
                break;
        }

        var paragraph = new Paragraph(properties);
        foreach (var (text, toComplete) in Segments(line.Text))
        {
            var run = WordPackage.Run(font, points);
            if (toComplete)
            {
                run.InsertBefore(new Highlight { Val = HighlightColorValues.Yellow }, run.GetFirstChild<Languages>());
            }

            paragraph.Append(WordPackage.Text(text, run));
        }

        return paragraph;
    }

    /// <summary>The text in pieces: the parts in 【…】 (to be written by the handler) apart from the rest.</summary>
    private static IEnumerable<(string Text, bool ToComplete)> Segments(string text)
    {
        var rest = text;
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('【', StringComparison.Ordinal);
            if (open < 0)
            {
                yield return (rest, false);
                yield break;
            }

            if (open > 0)
            {
                yield return (rest[..open], false);
            }

            var close = rest.IndexOf('】', open);
            yield return (rest[open..(close + 1)], true);
            rest = rest[(close + 1)..];
        }
    }

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
