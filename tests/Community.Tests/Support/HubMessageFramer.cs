namespace Community.Tests.Support;

/// <summary>
/// Cuts the SignalR JSON hub protocol's byte stream into messages: each message ends with
/// the record separator 0x1E, a message may span several WebSocket frames and one frame
/// may carry several messages. UTF-8 never uses 0x1E inside a multi-byte character, so
/// cutting on the byte is safe.
/// </summary>
internal sealed class HubMessageFramer
{
    public const byte RecordSeparator = 0x1E;

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;
    private int _scanned;

    public int PendingLength => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + data.Length));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    /// <summary>Removes and returns every complete message, without its separator.</summary>
    public List<byte[]> TakeMessages()
    {
        var messages = new List<byte[]>();
        var start = 0;
        while (true)
        {
            // Bytes before _scanned hold no separator: they were searched on an earlier call.
            var from = Math.Max(start, _scanned);
            var index = _buffer.AsSpan(from, _length - from).IndexOf(RecordSeparator);
            if (index < 0)
            {
                break;
            }

            var end = from + index;
            messages.Add(_buffer.AsSpan(start, end - start).ToArray());
            start = end + 1;
        }

        if (start > 0)
        {
            Buffer.BlockCopy(_buffer, start, _buffer, 0, _length - start);
            _length -= start;
        }

        _scanned = _length;
        return messages;
    }
}
