namespace BranchLedger.Contracts.Rankings;

/// <summary>
/// Shares equal strings within one shard. Every deserialised score brings its own copies of the
/// tenant id, grade and dozens of indicator ids; with 100,000 branches that is most of the memory.
/// </summary>
public sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Intern(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _strings[value] = value;
        return value;
    }

    public void Clear() => _strings.Clear();
}
