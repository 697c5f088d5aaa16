using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain;

namespace Jixiao.Infrastructure.Documents;

/// <summary>What a template holds: its placeholders in order of first use, and mistakes in writing them.</summary>
public sealed record TemplateScan(IReadOnlyList<string> Placeholders, IReadOnlyList<string> Problems);

/// <summary>
/// Word templates with placeholders written <c>{{名称}}</c>, in the body, tables, headers and footers.
/// </summary>
/// <remarks>
/// Word splits a paragraph's text into runs as the author types, formats and corrects it, so a placeholder
/// can be stored as "{{", "申请", "人}}" in three runs with proofing marks between them. Scanning and filling
/// therefore read the text of a whole paragraph, find the placeholders there and map each one back to the
/// runs it spans: the value goes into the run where the placeholder begins (and takes its formatting), the
/// rest of the placeholder is cut from the runs after it. A value with line breaks becomes one paragraph a
/// line when the placeholder is the paragraph's only text, otherwise line breaks inside the paragraph.
/// </remarks>
public static partial class DocxTemplate
{
    public const string ContentType = WordPackage.ContentType;

    /// <summary>Largest template accepted.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Lists the placeholders of a template and the mistakes in writing them (an unclosed “{{”, full-width braces, an empty name).</summary>
    /// <exception cref="DomainException">The bytes are not a Word document (.docx).</exception>
    public static TemplateScan Scan(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var names = new List<string>();
        var problems = new List<string>();
        using var document = Open(new MemoryStream(docx, writable: false), editable: false);
        foreach (var (where, root) in Roots(document))
        {
            var number = 0;
            foreach (var paragraph in root.Descendants<Paragraph>().ToList())
            {
                number++;
                var text = string.Concat(OwnTexts(paragraph).Select(t => t.Text));
                var rest = text;
                foreach (Match match in Placeholder().Matches(text))
                {
                    var name = match.Groups[1].Value.Trim();
                    if (name.Length == 0)
                    {
                        problems.Add($"{where}第{number}段有空的占位符“{match.Value}”。");
                    }
                    else if (!names.Contains(name))
                    {
                        names.Add(name);
                    }

                    rest = rest.Replace(match.Value, string.Empty, StringComparison.Ordinal);
                }

                if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
                {
                    problems.Add($"{where}第{number}段“{Excerpt(text)}”中有不成对的“{{{{”或“}}}}”：占位符应写成 {{{{名称}}}}。");
                }

                if (rest.Contains("｛｛", StringComparison.Ordinal) || rest.Contains("｝｝", StringComparison.Ordinal))
                {
                    problems.Add($"{where}第{number}段“{Excerpt(text)}”使用了全角大括号：占位符应使用半角的 {{{{名称}}}}。");
                }
            }
        }

        return new TemplateScan(names, problems);
    }

    /// <summary>
    /// Fills every placeholder with its value; a null value removes the placeholder's paragraph. Returns the
    /// filled document.
    /// </summary>
    /// <exception cref="ValidationException">The template uses placeholders that <paramref name="values"/> does not know; every one is listed.</exception>
    /// <exception cref="DomainException">The bytes are not a Word document (.docx).</exception>
    public static byte[] Fill(byte[] docx, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        stream.Write(docx);
        stream.Position = 0;
        var unknown = new List<string>();
        using (var document = Open(stream, editable: true))
        {
            foreach (var (_, root) in Roots(document))
            {
                foreach (var paragraph in root.Descendants<Paragraph>().ToList())
                {
                    FillParagraph(paragraph, values, unknown);
                }
            }

            if (unknown.Count > 0)
            {
                throw new ValidationException([.. unknown.Distinct().Select(n => new ValidationProblem("模板", $"模板中有未知的占位符“{{{{{n}}}}}”。"))]);
            }
        }

        return stream.ToArray();
    }

    private static void FillParagraph(Paragraph paragraph, IReadOnlyDictionary<string, string?> values, List<string> unknown)
    {
        var texts = OwnTexts(paragraph);
        var text = string.Concat(texts.Select(t => t.Text));
        var matches = Placeholder().Matches(text);
        if (matches.Count == 0)
        {
            return;
        }

        var removed = false;
        var known = true;
        foreach (Match match in matches)
        {
            if (!values.TryGetValue(match.Groups[1].Value.Trim(), out var value))
            {
                unknown.Add(match.Groups[1].Value.Trim());
                known = false;
            }
            else if (value is null)
            {
                removed = true;
            }
        }

        if (!known)
        {
            return;
        }

        if (removed)
        {
            Remove(paragraph);
            return;
        }

        var only = matches[0];
        var onlyValue = values[only.Groups[1].Value.Trim()]!;
        if (matches.Count == 1 && text.Trim() == only.Value && onlyValue.Contains('\n', StringComparison.Ordinal))
        {
            // A list such as the supplement items: one paragraph a line, each with the template paragraph's formatting.
            foreach (var line in onlyValue.Split('\n'))
            {
                var copy = (Paragraph)paragraph.CloneNode(true);
                ReplaceAll(copy, _ => line);
                paragraph.InsertBeforeSelf(copy);
            }

            paragraph.Remove();
            return;
        }

        ReplaceAll(paragraph, name => values[name]!);
    }

    /// <summary>Replaces every placeholder of the paragraph, last first, so that the offsets of earlier ones stay valid.</summary>
    private static void ReplaceAll(Paragraph paragraph, Func<string, string> valueOf)
    {
        var texts = OwnTexts(paragraph);
        var starts = new int[texts.Count];
        for (int i = 0, offset = 0; i < texts.Count; offset += texts[i].Text.Length, i++)
        {
            starts[i] = offset;
        }

        var text = string.Concat(texts.Select(t => t.Text));
        foreach (var match in Placeholder().Matches(text).Reverse())
        {
            var value = valueOf(match.Groups[1].Value.Trim());
            var end = match.Index + match.Length;
            var first = Containing(starts, texts, match.Index);
            var last = Containing(starts, texts, end - 1);
            var head = texts[first].Text[..(match.Index - starts[first])];
            if (first == last)
            {
                Set(texts[first], head + value + texts[first].Text[(end - starts[first])..]);
                continue;
            }

            Set(texts[first], head + value);
            for (var k = first + 1; k < last; k++)
            {
                Set(texts[k], string.Empty);
            }

            Set(texts[last], texts[last].Text[(end - starts[last])..]);
        }

        foreach (var t in texts.Where(t => t.Text.Contains('\n', StringComparison.Ordinal)))
        {
            BreakLines(t);
        }
    }

    /// <summary>The text element that holds the character at <paramref name="offset"/> of the paragraph's text.</summary>
    private static int Containing(int[] starts, List<Text> texts, int offset)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (offset >= starts[i] && offset < starts[i] + texts[i].Text.Length)
            {
                return i;
            }
        }

        throw new InvalidOperationException("placeholder offset outside the paragraph's text");
    }

    private static void Set(Text text, string value)
    {
        text.Text = value;
        text.Space = SpaceProcessingModeValues.Preserve;
    }

    /// <summary>Turns the line feeds of a text into line breaks (w:br) within its run.</summary>
    private static void BreakLines(Text text)
    {
        var lines = text.Text.Split('\n');
        Set(text, lines[0]);
        OpenXmlElement after = text;
        foreach (var line in lines.Skip(1))
        {
            var br = new Break();
            after.InsertAfterSelf(br);
            var next = new Text(line) { Space = SpaceProcessingModeValues.Preserve };
            br.InsertAfterSelf(next);
            after = next;
        }
    }

    /// <summary>Removes a paragraph; the only paragraph of a table cell is emptied instead, since a cell must keep one.</summary>
    private static void Remove(Paragraph paragraph)
    {
        if (paragraph.Parent is TableCell cell && cell.Elements<Paragraph>().Count() == 1)
        {
            foreach (var child in paragraph.ChildElements.Where(e => e is not ParagraphProperties).ToList())
            {
                child.Remove();
            }

            return;
        }

        paragraph.Remove();
    }

    /// <summary>The texts of the paragraph itself, not of paragraphs nested in it (text boxes).</summary>
    private static List<Text> OwnTexts(Paragraph paragraph) =>
        [.. paragraph.Descendants<Text>().Where(t => t.Ancestors<Paragraph>().First() == paragraph)];

    private static IEnumerable<(string Where, OpenXmlElement Root)> Roots(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart!;
        yield return ("正文", main.Document.Body!);
        foreach (var header in main.HeaderParts.Select(h => h.Header).OfType<Header>())
        {
            yield return ("页眉", header);
        }

        foreach (var footer in main.FooterParts.Select(f => f.Footer).OfType<Footer>())
        {
            yield return ("页脚", footer);
        }
    }

    private static WordprocessingDocument Open(Stream stream, bool editable)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, editable);
            if (document.MainDocumentPart?.Document?.Body is null)
            {
                document.Dispose();
                throw new DomainException("文件不是有效的 Word（.docx）文档：缺少正文。");
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or NotSupportedException)
        {
            throw new DomainException("文件不是有效的 Word（.docx）文档；.doc、.wps 等格式请在 Word 或 WPS 中另存为 .docx 后再上传。");
        }

        if (document.DocumentType != WordprocessingDocumentType.Document)
        {
            document.Dispose();
            throw new DomainException("含宏的文档（.docm）和 Word 模板文件（.dotx）不能作为文书模板，请另存为 .docx（Word 文档）后再上传。");
        }

        return document;
    }

    private static string Excerpt(string text) => text.Length > 30 ? text[..30] + "……" : text;

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Placeholder();
}
