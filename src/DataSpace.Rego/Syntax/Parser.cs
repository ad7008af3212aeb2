using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Syntax;

/// <summary>
/// Recursive-descent parser for Rego, split by grammar area: modules and imports
/// (<c>Parser.Module.cs</c>), rules (<c>Parser.Rules.cs</c>), body expressions
/// (<c>Parser.Expressions.cs</c>) and terms (<c>Parser.Terms.cs</c>). Errors are collected as
/// diagnostics; the first error in a module stops that module.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _source;
    private readonly string _file;
    private readonly List<Token> _tokens;
    private readonly List<Diagnostic> _diagnostics;
    private readonly RegoVersion _version;
    private readonly StringInterner? _strings;
    private int _index;

    // `strings` shares string literals with the policy's other modules and its data; without it each literal has its own.
    public Parser(string source, string file, RegoVersion version, List<Diagnostic> diagnostics, StringInterner? strings = null)
        : this(source, file, version, diagnostics, new Lexer(source, file, diagnostics).Tokenize(), strings)
    {
    }

    private Parser(string source, string file, RegoVersion version, List<Diagnostic> diagnostics, List<Token> tokens, StringInterner? strings)
    {
        _source = source;
        _file = file;
        _version = version;
        _diagnostics = diagnostics;
        _tokens = tokens;
        _strings = strings;
    }

    /// <summary>A string literal or reference key.</summary>
    private RegoString Str(string text) => _strings?.String(text) ?? new RegoString(text);

    /// <summary>Thrown internally to abandon a module after its first syntax error.</summary>
    private sealed class ParseAbort : Exception
    {
    }

    private Token Tok => _tokens[_index];

    private Token PeekAt(int n) => _tokens[Math.Min(_index + n, _tokens.Count - 1)];

    private Token Advance() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private bool At(TokenKind kind) => Tok.Kind == kind;

    private bool AtKeyword(string word) => Tok.Kind == TokenKind.Ident && Tok.Text == word;

    private bool Accept(TokenKind kind)
    {
        if (At(kind))
        {
            Advance();
            return true;
        }
        return false;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (!At(kind))
        {
            throw Fail($"expected {what}");
        }
        return Advance();
    }

    private SourceLocation Loc(Token t) => new(_file, t.Line, t.Column, t.Offset, t.Length);

    private ParseAbort Fail(string message) => Fail(Tok, message);

    private ParseAbort Fail(Token at, string message)
    {
        var detail = at.Kind == TokenKind.Eof ? "unexpected eof token" : $"unexpected {Describe(at)} token";
        _diagnostics.Add(new Diagnostic("rego_parse_error", $"{detail}: {message}", Loc(at)));
        return new ParseAbort();
    }

    private static string Describe(Token t) => t.Kind switch
    {
        TokenKind.Ident => "ident",
        TokenKind.String or TokenKind.RawString => "string",
        TokenKind.Number => "number",
        TokenKind.Template => "template string",
        _ => t.Text,
    };

    /// <summary>Parses a whole module; null when it had syntax errors (reported as diagnostics).</summary>
    public Module? ParseModule()
    {
        try
        {
            return ParseModuleCore();
        }
        catch (ParseAbort)
        {
            return null;
        }
    }

    /// <summary>Parses a query (a body without braces); null on syntax errors.</summary>
    public Body? ParseQuery()
    {
        try
        {
            var start = Tok;
            var exprs = ParseExprList(TokenKind.Eof);
            if (exprs.Count == 0)
            {
                throw Fail("empty query");
            }
            return new Body(exprs, Loc(start));
        }
        catch (ParseAbort)
        {
            return null;
        }
    }

    /// <summary>Parses one term from the whole input; used by tests and the JSON-or-Rego input form.</summary>
    public Term? ParseSingleTerm()
    {
        try
        {
            var t = ParseTerm();
            if (!At(TokenKind.Eof))
            {
                throw Fail("expected end of term");
            }
            return t;
        }
        catch (ParseAbort)
        {
            return null;
        }
    }
}
