namespace Jixiao.Components.Shared;

/// <summary>A file's size as people read it: KB below a megabyte, MB with one decimal above.</summary>
public static class FileSizes
{
    public static string Text(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
