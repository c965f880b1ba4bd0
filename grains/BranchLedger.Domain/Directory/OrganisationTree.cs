namespace BranchLedger.Domain.Directory;

/// <summary>
/// The current shape of a tenant's organisation tree. It is derived: the tenant grain rebuilds it by
/// replaying its change entries, so it never decides anything; <see cref="TreeRules"/> do. The
/// mutators therefore trust their input (every entry was checked before it was stored).
/// </summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, TreeNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);

    /// <summary>How many nodes exist, closed ones included.</summary>
    public int Count => _nodes.Count;

    /// <summary>The node, or null when the id is unknown.</summary>
    public TreeNode? Find(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>True when some direct child of the node is still open.</summary>
    public bool HasOpenChildren(string id) =>
        _children.TryGetValue(id, out var children) && children.Any(c => !_nodes[c].IsClosed);

    /// <summary>
    /// True when <paramref name="candidate"/> is <paramref name="ancestor"/> or lies below it. Walks up
    /// from the candidate, so the cost is the tree's depth, not its size.
    /// </summary>
    public bool IsSelfOrDescendant(string candidate, string ancestor)
    {
        for (var at = Find(candidate); at is not null; at = at.ParentId is null ? null : Find(at.ParentId))
        {
            if (at.Id == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An independent copy, to try a sequence of changes on without touching this tree.</summary>
    public OrganisationTree Copy()
    {
        var copy = new OrganisationTree();
        foreach (var (id, node) in _nodes)
        {
            copy._nodes.Add(id, node);
        }

        foreach (var (id, children) in _children)
        {
            copy._children.Add(id, [.. children]);
        }

        return copy;
    }

    /// <summary>Adds an open node.</summary>
    public void Add(string id, NodeKind kind, string name, string? parentId)
    {
        _nodes.Add(id, new TreeNode(id, kind, name, parentId, IsClosed: false));
        LinkChild(parentId, id);
    }

    /// <summary>Gives a node a new name.</summary>
    public void Rename(string id, string name) => _nodes[id] = _nodes[id] with { Name = name };

    /// <summary>Puts a node under another parent (null for the root).</summary>
    public void Move(string id, string? parentId)
    {
        var node = _nodes[id];
        if (node.ParentId is { } old)
        {
            _children[old].Remove(id);
        }

        _nodes[id] = node with { ParentId = parentId };
        LinkChild(parentId, id);
    }

    /// <summary>Closes a node.</summary>
    public void Close(string id) => _nodes[id] = _nodes[id] with { IsClosed = true };

    private void LinkChild(string? parentId, string id)
    {
        if (parentId is null)
        {
            return;
        }

        if (!_children.TryGetValue(parentId, out var children))
        {
            _children[parentId] = children = [];
        }

        children.Add(id);
    }
}
