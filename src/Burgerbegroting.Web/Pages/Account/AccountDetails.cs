using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting.Eligibility;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Account;

/// <summary>
/// The personal details of the register and profile forms, checked the same way: a Dutch postcode (not for staff),
/// a birth year (residents), an organisation name (buurtnetwerken). Errors go next to the "Input.*" fields.
/// </summary>
internal static class AccountDetails
{
    public static (string? Postcode, int? BirthYear) Check(
        AccountKind kind, string? postcode, string? birthYear, string? organisation, ModelStateDictionary state, IStringLocalizer l, int thisYear)
    {
        var normalized = DutchPostcode.Normalize(postcode);
        if (kind != AccountKind.Staff && normalized is null && state.GetFieldValidationState("Input.Postcode") != ModelValidationState.Invalid)
        {
            state.AddModelError("Input.Postcode", l["Validation.Postcode"]);
        }

        if (kind == AccountKind.Network && string.IsNullOrWhiteSpace(organisation))
        {
            state.AddModelError("Input.OrganisationName", l["Validation.OrganisationRequired"]);
        }

        int? year = null;
        if (kind == AccountKind.Resident)
        {
            year = BirthYears.Parse(birthYear, thisYear, out var error);
            if (error is not null)
            {
                state.AddModelError("Input.BirthYear", l[error, thisYear]);
            }
        }

        return (normalized, year);
    }
}
