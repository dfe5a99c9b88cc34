using DanVan.Registries;
using DanVan.Web.Infrastructure;

namespace DanVan.Web.Registries;

/// <summary>Vietnamese labels of the registries' lists (resource keys "RegReceptionKind_Periodic", …) and their options in forms.</summary>
public static class RegistryLabels
{
    /// <summary>The label of a list's value.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Labels.Resource($"Reg{typeof(T).Name}_{value}");

    /// <summary>The values of a list as form options: the API's code (what the core reads) and the label.</summary>
    public static IReadOnlyList<(string Code, string Label)> Options<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (RegistryTerms.Code(v), Of(v))).ToList();

    /// <summary>The code of a stored value, for a form's select.</summary>
    public static string Code<T>(T value) where T : struct, Enum => RegistryTerms.Code(value);
}
