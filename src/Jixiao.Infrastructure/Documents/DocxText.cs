using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Infrastructure.Documents;

/// <summary>The text of a .docx, one paragraph a line (tables cell by cell), for the report checker.</summary>
public static class DocxText
{
    public static string Extract(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        try
        {
            using var document = WordprocessingDocument.Open(docx, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new Domain.DomainException("Word 文件中没有正文。");
            return string.Join('\n', body.Descendants<W.Paragraph>().Select(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text))));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new Domain.DomainException("文件不是有效的 Word（.docx）文档：" + ex.Message);
        }
    }
}
