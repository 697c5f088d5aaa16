using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Features.Tests.Documents;

/// <summary>Checks shared by the document tests.</summary>
internal static class OpenXmlChecks
{
    /// <summary>The package passes the OpenXml SDK's schema validation for Office 2010, which Office and WPS open.</summary>
    public static void ShouldBeSchemaValid(OpenXmlPackage package) =>
        new OpenXmlValidator(FileFormatVersions.Office2010).Validate(package)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();

    /// <summary>The page size of the document's (only) section.</summary>
    public static PageSize PageSizeOf(WordprocessingDocument document) =>
        SectionOf(document).GetFirstChild<PageSize>().ShouldNotBeNull();

    public static SectionProperties SectionOf(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>().ShouldNotBeNull();
}
