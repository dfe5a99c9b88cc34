using DanVan.Web.Resources;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Web.Infrastructure;

/// <summary>Identity's messages in Vietnamese, from the resource file.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = string.Format(UiText.PasswordTooShort, length) };

    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = UiText.PasswordRequiresDigit };

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = UiText.PasswordRequiresUpper };

    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = UiText.PasswordRequiresLower };

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = UiText.PasswordMismatch };

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = string.Format(UiText.DuplicateUserName, userName) };
}
