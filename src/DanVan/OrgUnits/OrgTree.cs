namespace DanVan.OrgUnits;

/// <summary>Scope arithmetic over a loaded list of units: a unit and everything below it.</summary>
public sealed class OrgTree
{
    private readonly ILookup<int?, OrgUnit> _children;
    private readonly Dictionary<int, OrgUnit> _byId;

    /// <summary>Builds the tree from all units.</summary>
    public OrgTree(IEnumerable<OrgUnit> units)
    {
        var list = units.ToList();
        _byId = list.ToDictionary(u => u.Id);
        _children = list.ToLookup(u => u.ParentId);
    }

    /// <summary>Every unit.</summary>
    public IEnumerable<OrgUnit> All => _byId.Values;

    /// <summary>The unit with this id.</summary>
    public OrgUnit this[int id] => _byId[id];

    /// <summary>The unit and all its descendants.</summary>
    public IEnumerable<OrgUnit> SelfAndDescendants(int id)
    {
        if (!_byId.TryGetValue(id, out var root)) yield break;
        var stack = new Stack<OrgUnit>([root]);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            foreach (var child in _children[unit.Id]) stack.Push(child);
        }
    }

    /// <summary>True when <paramref name="unitId"/> is <paramref name="scopeId"/> or below it.</summary>
    public bool IsWithin(int unitId, int scopeId)
    {
        for (int? id = unitId; id is { } current; id = _byId.TryGetValue(current, out var u) ? u.ParentId : null)
            if (current == scopeId) return true;
        return false;
    }
}
