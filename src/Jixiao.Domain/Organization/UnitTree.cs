namespace Jixiao.Domain.Organization;

/// <summary>
/// The shape of the unit tree: which unit lies under which. Built from (id, parent) pairs so that
/// scope checks need no database; a few thousand units (a province) fit easily in memory.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<int, int?> parentOf;
    private readonly Dictionary<int, List<int>> childrenOf;

    public UnitTree(IEnumerable<(int Id, int? ParentId)> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        parentOf = [];
        childrenOf = [];
        foreach (var (id, parentId) in units)
        {
            if (!parentOf.TryAdd(id, parentId))
            {
                throw new DomainException($"单位 {id} 重复出现。");
            }
        }

        foreach (var (id, parentId) in parentOf)
        {
            if (parentId is { } p)
            {
                if (!childrenOf.TryGetValue(p, out var list))
                {
                    childrenOf[p] = list = [];
                }

                list.Add(id);
            }
        }
    }

    public int Count => parentOf.Count;

    public bool Contains(int id) => parentOf.ContainsKey(id);

    public int? ParentOf(int id) => parentOf.TryGetValue(id, out var p) ? p : null;

    public IReadOnlyList<int> ChildrenOf(int id) => childrenOf.TryGetValue(id, out var list) ? list : [];

    /// <summary>The unit and every unit below it, the unit first.</summary>
    public IReadOnlyList<int> Subtree(int rootId)
    {
        if (!parentOf.ContainsKey(rootId))
        {
            return [];
        }

        var result = new List<int> { rootId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(ChildrenOf(result[i]));
        }

        return result;
    }

    /// <summary>True when <paramref name="candidateId"/> is <paramref name="rootId"/> or lies below it.</summary>
    public bool IsInSubtree(int rootId, int candidateId)
    {
        var guard = 0;
        for (int? current = candidateId; current is { } c; current = ParentOf(c))
        {
            if (c == rootId)
            {
                return true;
            }

            if (++guard > parentOf.Count)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Ancestors from the root down to the unit's parent.</summary>
    public IReadOnlyList<int> AncestorsOf(int id)
    {
        var result = new List<int>();
        for (var p = ParentOf(id); p is { } c && result.Count <= parentOf.Count; p = ParentOf(c))
        {
            result.Add(c);
        }

        result.Reverse();
        return result;
    }

    /// <summary>Depth below the root (a root unit has depth 0).</summary>
    public int DepthOf(int id) => AncestorsOf(id).Count;

    /// <summary>
    /// Refuses a move that would make the tree a graph with a cycle: a unit cannot be placed under
    /// itself or under any unit below it, and the new parent must exist.
    /// </summary>
    public void CheckMove(int unitId, int? newParentId)
    {
        if (!parentOf.ContainsKey(unitId))
        {
            throw new NotFoundException($"单位 {unitId} 不存在。");
        }

        if (newParentId is not { } parent)
        {
            return;
        }

        if (!parentOf.ContainsKey(parent))
        {
            throw new NotFoundException($"上级单位 {parent} 不存在。");
        }

        if (parent == unitId)
        {
            throw new DomainException("不能把单位设为自己的上级单位。");
        }

        if (IsInSubtree(unitId, parent))
        {
            throw new DomainException("不能把单位移到它自己的下级单位之下，这会形成循环。");
        }
    }

    /// <summary>The tree after a move that <see cref="CheckMove"/> allowed.</summary>
    public UnitTree WithMove(int unitId, int? newParentId)
    {
        CheckMove(unitId, newParentId);
        return new UnitTree(parentOf.Select(kv => (kv.Key, kv.Key == unitId ? newParentId : kv.Value)));
    }
}
