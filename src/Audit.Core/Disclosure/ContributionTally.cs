namespace Audit.Core.Disclosure;

/// <summary>
/// What the primary rules need to know about one grid cell or total, in constant memory: the sum, the number
/// of institutions with a positive contribution, and the largest <c>topN</c> contributions
/// (the dominance rule only ever looks at those).
/// </summary>
public sealed class ContributionTally
{
    private readonly long[] _top; // descending; only the first _topCount entries are used
    private int _topCount;

    public ContributionTally(int topN)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topN);
        _top = new long[topN];
    }

    public long Sum { get; private set; }

    public int Contributors { get; private set; }

    /// <summary>Sum of the largest N contributions (all of them when there are fewer than N).</summary>
    public long TopSum
    {
        get
        {
            var total = 0L;
            for (var i = 0; i < _topCount; i++)
            {
                total += _top[i];
            }
            return total;
        }
    }

    /// <summary>Adds one institution's contribution; zero means "not a contributor" and is ignored.</summary>
    public void Add(long contribution)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contribution);
        if (contribution == 0)
        {
            return;
        }
        Sum = checked(Sum + contribution);
        Contributors++;

        // Insertion into a tiny sorted array (N is 2 in practice).
        var position = _topCount;
        while (position > 0 && _top[position - 1] < contribution)
        {
            position--;
        }
        if (position >= _top.Length)
        {
            return;
        }
        var last = Math.Min(_topCount, _top.Length - 1);
        for (var i = last; i > position; i--)
        {
            _top[i] = _top[i - 1];
        }
        _top[position] = contribution;
        _topCount = Math.Min(_topCount + 1, _top.Length);
    }
}
