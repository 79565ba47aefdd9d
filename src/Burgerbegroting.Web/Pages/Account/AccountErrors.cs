using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Burgerbegroting.Web.Pages.Account;

/// <summary>Puts Identity's (already translated) errors next to the field they are about.</summary>
internal static class AccountErrors
{
    public static void AddTo(ModelStateDictionary state, IdentityResult result, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != "PasswordMismatch" => "Password",
                _ => null,
            };
            state.AddModelError(field is null ? "" : $"{prefix}.{field}", error.Description);
        }
    }
}
