using System.Globalization;
using System.Text;

namespace DataSpace.Rego.Syntax;

/// <summary>
/// Turns Rego source into tokens. Records whether a newline precedes each token, since
/// newlines separate body expressions. Lexical errors become diagnostics and an
/// <see cref="TokenKind.Illegal"/> token; lexing never throws.
/// </summary>
internal sealed class Lexer
{
    private readonly string _src;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;
    private int _pos;
    private int _line;
    private int _lineStart;

    public Lexer(string source, string file, List<Diagnostic> diagnostics, int offset = 0, int line = 1, int column = 1)
    {
        _src = source;
        _file = file;
        _diagnostics = diagnostics;
        _pos = offset;
        _line = line;
        _lineStart = offset - (column - 1);
    }

    public List<Token> Tokenize(int end = -1)
    {
        var limit = end < 0 ? _src.Length : end;
        var tokens = new List<Token>();
        var newline = true;
        while (true)
        {
            newline |= SkipTrivia(limit);
            if (_pos >= limit)
            {
                tokens.Add(new Token(TokenKind.Eof, string.Empty, _pos, _line, _pos - _lineStart + 1, true));
                return tokens;
            }
            tokens.Add(Next(newline, limit));
            newline = false;
        }
    }

    private bool SkipTrivia(int limit)
    {
        var sawNewline = false;
        while (_pos < limit)
        {
            var c = _src[_pos];
            if (c == '\n')
            {
                sawNewline = true;
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < limit && _src[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                break;
            }
        }
        return sawNewline;
    }

    private Token Make(TokenKind kind, int start, int line, int col, bool nl, object? value = null) =>
        new(kind, _src[start.._pos], start, line, col, nl) { Value = value, Length = _pos - start };

    private Token Next(bool nl, int limit)
    {
        var start = _pos;
        var line = _line;
        var col = _pos - _lineStart + 1;
        var c = _src[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < limit && (char.IsAsciiLetterOrDigit(_src[_pos]) || _src[_pos] == '_'))
            {
                _pos++;
            }
            return Make(TokenKind.Ident, start, line, col, nl);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < limit && char.IsAsciiDigit(_src[_pos + 1])))
        {
            return LexNumber(start, line, col, nl, limit);
        }
        if (c == '"')
        {
            _pos++;
            var s = ReadQuoted(limit, start, line, col);
            return Make(s is null ? TokenKind.Illegal : TokenKind.String, start, line, col, nl, s);
        }
        if (c == '`')
        {
            _pos++;
            var s = ReadRaw(limit, start, line, col);
            return Make(s is null ? TokenKind.Illegal : TokenKind.RawString, start, line, col, nl, s);
        }
        if (c == '$' && _pos + 1 < limit && _src[_pos + 1] is '"' or '`')
        {
            _pos += 2;
            var parts = ReadTemplate(_src[_pos - 1] == '`', limit, line, col);
            return Make(parts is null ? TokenKind.Illegal : TokenKind.Template, start, line, col, nl, parts);
        }
        _pos++;
        var two = _pos < limit ? _src[_pos] : '\0';
        TokenKind kind;
        switch (c)
        {
            case '{': kind = TokenKind.LBrace; break;
            case '}': kind = TokenKind.RBrace; break;
            case '[': kind = TokenKind.LBrack; break;
            case ']': kind = TokenKind.RBrack; break;
            case '(': kind = TokenKind.LParen; break;
            case ')': kind = TokenKind.RParen; break;
            case '.': kind = TokenKind.Dot; break;
            case ',': kind = TokenKind.Comma; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '+': kind = TokenKind.Plus; break;
            case '-': kind = TokenKind.Minus; break;
            case '*': kind = TokenKind.Star; break;
            case '/': kind = TokenKind.Slash; break;
            case '%': kind = TokenKind.Percent; break;
            case '&': kind = TokenKind.Amp; break;
            case '|': kind = TokenKind.Bar; break;
            case ':':
                kind = two == '=' ? TokenKind.Assign : TokenKind.Colon;
                break;
            case '=':
                kind = two == '=' ? TokenKind.Equal : TokenKind.Unify;
                break;
            case '!':
                kind = two == '=' ? TokenKind.NotEqual : TokenKind.Illegal;
                break;
            case '<':
                kind = two == '=' ? TokenKind.Lte : TokenKind.Lt;
                break;
            case '>':
                kind = two == '=' ? TokenKind.Gte : TokenKind.Gt;
                break;
            default:
                kind = TokenKind.Illegal;
                break;
        }
        if (kind is TokenKind.Assign or TokenKind.Equal or TokenKind.NotEqual or TokenKind.Lte or TokenKind.Gte)
        {
            _pos++;
        }
        if (kind == TokenKind.Illegal)
        {
            Error(line, col, $"illegal token");
        }
        return Make(kind, start, line, col, nl);
    }

    private Token LexNumber(int start, int line, int col, bool nl, int limit)
    {
        while (_pos < limit && char.IsAsciiDigit(_src[_pos]))
        {
            _pos++;
        }
        if (_pos < limit && _src[_pos] == '.' && _pos + 1 < limit && char.IsAsciiDigit(_src[_pos + 1]))
        {
            _pos++;
            while (_pos < limit && char.IsAsciiDigit(_src[_pos]))
            {
                _pos++;
            }
        }
        if (_pos < limit && _src[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < limit && _src[_pos] is '+' or '-')
            {
                _pos++;
            }
            if (_pos < limit && char.IsAsciiDigit(_src[_pos]))
            {
                while (_pos < limit && char.IsAsciiDigit(_src[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }
        return Make(TokenKind.Number, start, line, col, nl);
    }

    private string? ReadQuoted(int limit, int start, int line, int col)
    {
        var sb = new StringBuilder();
        while (_pos < limit)
        {
            var c = _src[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c == '\n')
            {
                break;
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (!ReadEscape(sb, limit, extraBrace: false))
            {
                Error(line, col, "illegal escape sequence in string");
                return null;
            }
        }
        Error(line, col, "non-terminated string");
        return null;
    }

    private bool ReadEscape(StringBuilder sb, int limit, bool extraBrace)
    {
        if (_pos >= limit)
        {
            return false;
        }
        var e = _src[_pos++];
        switch (e)
        {
            case '"': sb.Append('"'); return true;
            case '\\': sb.Append('\\'); return true;
            case '/': sb.Append('/'); return true;
            case 'b': sb.Append('\b'); return true;
            case 'f': sb.Append('\f'); return true;
            case 'n': sb.Append('\n'); return true;
            case 'r': sb.Append('\r'); return true;
            case 't': sb.Append('\t'); return true;
            case '{' when extraBrace: sb.Append('{'); return true;
            case '}' when extraBrace: sb.Append('}'); return true;
            case 'u':
                if (_pos + 4 <= limit && int.TryParse(_src.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp))
                {
                    sb.Append((char)cp);
                    _pos += 4;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private string? ReadRaw(int limit, int start, int line, int col)
    {
        var begin = _pos;
        while (_pos < limit && _src[_pos] != '`')
        {
            if (_src[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            _pos++;
        }
        if (_pos >= limit)
        {
            Error(line, col, "non-terminated raw string");
            return null;
        }
        var s = _src[begin.._pos];
        _pos++;
        return s;
    }

    /// <summary>Reads a template string body up to its closing quote, splitting literal and <c>{expr}</c> parts.</summary>
    private List<TemplatePart>? ReadTemplate(bool raw, int limit, int line, int col)
    {
        var parts = new List<TemplatePart>();
        var sb = new StringBuilder();
        var close = raw ? '`' : '"';
        while (_pos < limit)
        {
            var c = _src[_pos];
            if (c == close)
            {
                _pos++;
                if (sb.Length > 0 || parts.Count == 0)
                {
                    parts.Add(new TemplatePart(sb.ToString(), null, 0, 0, 0));
                }
                return parts;
            }
            if (c == '\n')
            {
                if (!raw)
                {
                    break;
                }
                _line++;
                _lineStart = _pos + 1;
            }
            if (c == '\\' && raw && _pos + 1 < limit && _src[_pos + 1] == '{')
            {
                // In a raw template only `\{` is an escape: a literal brace, not an expression.
                sb.Append('{');
                _pos += 2;
                continue;
            }
            if (c == '\\' && !raw)
            {
                _pos++;
                if (!ReadEscape(sb, limit, extraBrace: true))
                {
                    Error(line, col, "illegal escape sequence in template string");
                    return null;
                }
                continue;
            }
            if (c == '{')
            {
                if (sb.Length > 0)
                {
                    parts.Add(new TemplatePart(sb.ToString(), null, 0, 0, 0));
                    sb.Clear();
                }
                var exprStart = _pos + 1;
                var exprLine = _line;
                var exprCol = exprStart - _lineStart + 1;
                if (!SkipBalanced(limit))
                {
                    Error(line, col, "unterminated template expression");
                    return null;
                }
                parts.Add(new TemplatePart(null, _src[exprStart..(_pos - 1)], exprStart, exprLine, exprCol));
                continue;
            }
            sb.Append(c);
            _pos++;
        }
        Error(line, col, "non-terminated template string");
        return null;
    }

    /// <summary>Skips from an opening brace to its match, stepping over nested strings and templates.</summary>
    private bool SkipBalanced(int limit)
    {
        var depth = 0;
        while (_pos < limit)
        {
            var c = _src[_pos];
            switch (c)
            {
                case '{':
                    depth++;
                    _pos++;
                    break;
                case '}':
                    depth--;
                    _pos++;
                    if (depth == 0)
                    {
                        return true;
                    }
                    break;
                case '"':
                    _pos++;
                    while (_pos < limit && _src[_pos] != '"')
                    {
                        _pos += _src[_pos] == '\\' ? 2 : 1;
                    }
                    _pos++;
                    break;
                case '`':
                    _pos++;
                    while (_pos < limit && _src[_pos] != '`')
                    {
                        if (_src[_pos] == '\n')
                        {
                            _line++;
                            _lineStart = _pos + 1;
                        }
                        _pos++;
                    }
                    _pos++;
                    break;
                case '$' when _pos + 1 < limit && _src[_pos + 1] is '"' or '`':
                    _pos += 2;
                    if (ReadTemplate(_src[_pos - 1] == '`', limit, _line, _pos - _lineStart) is null)
                    {
                        return false;
                    }
                    break;
                case '\n':
                    _line++;
                    _pos++;
                    _lineStart = _pos;
                    break;
                default:
                    _pos++;
                    break;
            }
        }
        return false;
    }

    private void Error(int line, int col, string message) =>
        _diagnostics.Add(new Diagnostic("rego_parse_error", message, new SourceLocation(_file, line, col, _pos)));
}
