using Jixiao.Domain;
using MudBlazor;

namespace Jixiao.Components.Shared;

/// <summary>Runs a user's action and turns refused input or moves into a clear message, never a broken page.</summary>
public static class Ui
{
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (ValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                snackbar.Add(problem.Message, Severity.Error);
            }

            return false;
        }
        catch (DomainException ex)
        {
            snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
    }

    public static Task<bool?> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes = "确定") =>
        dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "取消");
}
