using Jixiao.Domain;
using Microsoft.AspNetCore.Components.Forms;

namespace Jixiao.Components.Shared;

/// <summary>Reading a file the browser uploads: its size checked first, then copied into memory.</summary>
public static class Uploads
{
    /// <remarks>
    /// The browser's stream reads only asynchronously, while the readers of .xlsx and .docx read
    /// synchronously; a copy in memory serves both and is bounded by <paramref name="maxBytes"/>.
    /// </remarks>
    public static async Task<MemoryStream> ReadAsync(IBrowserFile file, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > maxBytes)
        {
            throw new DomainException($"文件过大：最大 {maxBytes / 1024 / 1024} MB。");
        }

        var memory = new MemoryStream();
        try
        {
            await using (var upload = file.OpenReadStream(maxBytes))
            {
                await upload.CopyToAsync(memory);
            }
        }
        catch (IOException ex)
        {
            await memory.DisposeAsync();
            throw new DomainException("读取上传文件失败：" + ex.Message);
        }

        memory.Position = 0;
        return memory;
    }
}
