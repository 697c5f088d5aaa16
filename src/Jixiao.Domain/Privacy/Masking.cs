namespace Jixiao.Domain.Privacy;

/// <summary>Kinds of personal data (个人信息) that lists, exports and the audit log mask.</summary>
public enum PersonalDataKind
{
    /// <summary>手机号、电话</summary>
    Phone,

    /// <summary>身份证号、证件号码</summary>
    IdNumber,

    /// <summary>Other personal text (地址等): kept to its first characters.</summary>
    Other,
}

/// <summary>
/// Masking of personal data for people whose role may not see it in full. Follows the usual
/// practice of GB/T 35273 (个人信息安全规范): keep enough to recognise, hide enough to protect.
/// </summary>
public static class Masking
{
    public static string? Mask(string? value, PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Phone => MaskPhone(value),
        PersonalDataKind.IdNumber => MaskIdNumber(value),
        _ => MaskOther(value),
    };

    /// <summary>"13812345678" → "138****5678"; short numbers keep only the last two digits.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        var p = phone.Trim();
        return p.Length >= 7
            ? string.Concat(p.AsSpan(0, 3), new string('*', p.Length - 7), p.AsSpan(p.Length - 4))
            : new string('*', Math.Max(0, p.Length - 2)) + p[Math.Max(0, p.Length - 2)..];
    }

    /// <summary>"440703199001011234" → "4407**********1234": region prefix and last four kept.</summary>
    public static string? MaskIdNumber(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return id;
        }

        var p = id.Trim();
        return p.Length > 8
            ? string.Concat(p.AsSpan(0, 4), new string('*', p.Length - 8), p.AsSpan(p.Length - 4))
            : new string('*', p.Length);
    }

    public static string? MaskOther(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var keep = Math.Min(3, value.Length / 3);
        return string.Concat(value.AsSpan(0, keep), "***");
    }
}
