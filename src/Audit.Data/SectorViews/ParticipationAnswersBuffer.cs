using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Audit.Core.Statistics;

namespace Audit.Data.SectorViews;

/// <summary>
/// Turns one participation's answers text (see IncludedAnswersSql) into its answers and submission hash, reusing its
/// buffers for the next participation.
/// <para>
/// The answers become ONE JSON document, <c>{"key":value,...}</c> written from the stored texts, instead of one
/// document per answer: a full recompute parses about 270k answers at N = 5,000, and per-answer documents were most
/// of its cost. The submission hash is SHA-256 over <c>key US value RS</c> per answer in key order, the same bytes as
/// ever (so fingerprints of stored views stay valid), but hashed once per participation instead of once per answer.
/// </para>
/// </summary>
internal sealed class ParticipationAnswersBuffer : IDisposable
{
    private const byte UnitSeparator = 0x1f;
    private const byte RecordSeparator = 0x1e;
    private const int MaxCachedKeys = 4096;

    private readonly ArrayBufferWriter<byte> _json = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _hashed = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, JsonElement> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private JsonDocument? _document;
    private string? _participationId;
    private string _institutionId = "";
    private long _revision;

    public ParticipationAnswersBuffer()
    {
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { SkipValidation = true });
        _keyLookup = _keyCache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Starts the next participation; the previous one's item and answers are no longer valid.</summary>
    public void Start(string participationId, string institutionId, long revision)
    {
        Release();
        _participationId = participationId;
        _institutionId = institutionId;
        _revision = revision;
        _writer.WriteStartObject();
    }

    /// <summary>
    /// Adds every answer of the participation from its answers text, <c>key US value RS</c> per answer in key order:
    /// exactly the bytes the submission hash covers, so they are hashed as they are. Keys are taken from a cache of the
    /// keys seen so far (a questionnaire has a few dozen), so no key string is allocated per answer.
    /// </summary>
    public void AddAll(string answersText)
    {
        var span = _hashed.GetSpan(Encoding.UTF8.GetMaxByteCount(answersText.Length));
        _hashed.Advance(Encoding.UTF8.GetBytes(answersText, span));
        var rest = answersText.AsSpan();
        while (!rest.IsEmpty)
        {
            var unit = rest.IndexOf((char)UnitSeparator);
            var record = rest.IndexOf((char)RecordSeparator);
            if (unit < 0 || record < unit)
            {
                throw new FormatException("A participation's answers text is not key US value RS per answer.");
            }
            var key = rest[..unit];
            if (!_keyLookup.TryGetValue(key, out var cached))
            {
                if (_keyCache.Count >= MaxCachedKeys)
                {
                    _keyCache.Clear();
                }
                cached = key.ToString();
                _keyCache[cached] = cached;
            }
            _keys.Add(cached);
            _writer.WritePropertyName(cached);
            // Stored answers are canonical JSON written by the service; a broken one still fails the parse below.
            _writer.WriteRawValue(rest[(unit + 1)..record], skipInputValidation: true);
            rest = rest[(record + 1)..];
        }
    }

    public IncludedParticipation Complete()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _document = JsonDocument.Parse(_json.WrittenMemory);
        var i = 0;
        foreach (var property in _document.RootElement.EnumerateObject())
        {
            _answers[_keys[i++]] = property.Value; // document order is key order: no key strings are decoded again
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_hashed.WrittenSpan, hash);
        return new IncludedParticipation(_participationId!, _institutionId, Convert.ToHexStringLower(hash), _answers) { Revision = _revision };
    }

    public void Dispose()
    {
        Release();
        _writer.Dispose();
    }

    private void Release()
    {
        _document?.Dispose();
        _document = null;
        _participationId = null;
        _keys.Clear();
        _answers.Clear();
        _json.ResetWrittenCount();
        _hashed.ResetWrittenCount();
        _writer.Reset(_json);
    }
}
