using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Syntax;

/// <summary>Package and import clauses.</summary>
internal sealed partial class Parser
{
    private Module ParseModuleCore()
    {
        var start = Tok;
        if (!AtKeyword("package"))
        {
            throw Fail("expected package declaration");
        }
        Advance();
        var package = ParsePathNames("package");
        var imports = new List<Import>();
        while (AtKeyword("import"))
        {
            imports.Add(ParseImport());
        }
        var rules = new List<Rule>();
        while (!At(TokenKind.Eof))
        {
            rules.AddRange(ParseRule());
        }
        return new Module(_file, package, imports, rules, Loc(start));
    }

    /// <summary>Parses <c>a.b["c"]</c> into names; every operand must be a string.</summary>
    private string[] ParsePathNames(string what)
    {
        var names = new List<string> { Expect(TokenKind.Ident, $"{what} path").Text };
        while (!Tok.NewlineBefore && (At(TokenKind.Dot) || At(TokenKind.LBrack)))
        {
            if (Accept(TokenKind.Dot))
            {
                names.Add(Expect(TokenKind.Ident, "name after '.'").Text);
            }
            else
            {
                Advance();
                var s = Tok;
                if (s.Kind is not (TokenKind.String or TokenKind.RawString))
                {
                    throw Fail($"{what} path operands must be strings");
                }
                Advance();
                names.Add((string)s.Value!);
                Expect(TokenKind.RBrack, "]");
            }
        }
        return [.. names];
    }

    private Import ParseImport()
    {
        var start = Advance();
        var path = ParsePathNames("import");
        if (path[0] is not ("data" or "input" or "future" or "rego"))
        {
            throw Fail(start, $"invalid import path: {string.Join('.', path)}: path must begin with input or data");
        }
        string? alias = null;
        if (AtKeyword("as") && !Tok.NewlineBefore)
        {
            Advance();
            alias = Expect(TokenKind.Ident, "alias").Text;
        }
        return new Import(path, alias, Loc(start));
    }
}
