using Jixiao.Domain.Organization;
using Jixiao.Features.Performance;
using Microsoft.AspNetCore.Http.Features;

namespace Jixiao.Web;

internal static class BatchEndpoints
{
    /// <summary>
    /// A batch's files as one zip, streamed chunk by chunk from the database (any node serves any batch). The scope is
    /// checked before the first byte, so a refused download is a clear error, not a broken file.
    /// </summary>
    public static void MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/batches/{id:int}.zip", async (int id, HttpContext http, BatchDocuments batches, CancellationToken ct) =>
        {
            var name = await batches.DownloadNameAsync(id, ct);
            // ZipArchive writes its entries synchronously; the entries are copied one by one, never held whole.
            http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            return TypedResults.Stream(stream => batches.WriteZipAsync(id, stream, ct), "application/zip", name);
        }).RequireAuthorization(Policies.Read(Area.Performance));
    }
}
