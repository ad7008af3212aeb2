using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Syntax;

/// <summary>
/// Terms and infix operators. Precedence, lowest first: <c>in</c>; comparisons; <c>|</c>;
/// <c>&amp;</c>; <c>+ -</c>; <c>* / %</c>. Inside collection literals <c>|</c> starts a
/// comprehension body, so element parsing disables it (<c>noBar</c>).
/// </summary>
internal sealed partial class Parser
{
    private Term ParseTerm() => ParseExprTerm(noBar: false, noIn: false);

    private Term ParseExprTerm(bool noBar, bool noIn)
    {
        var left = ParseRelation(noBar);
        while (!noIn && AtKeyword("in") && !Tok.NewlineBefore)
        {
            var op = Advance();
            var right = ParseRelation(noBar);
            left = new CallTerm("internal.member_2", [left, right], Loc(op));
        }
        return left;
    }

    private Term ParseRelation(bool noBar)
    {
        var left = ParseOr(noBar);
        while (!Tok.NewlineBefore)
        {
            var name = Tok.Kind switch
            {
                TokenKind.Equal => "equal",
                TokenKind.NotEqual => "neq",
                TokenKind.Lt => "lt",
                TokenKind.Lte => "lte",
                TokenKind.Gt => "gt",
                TokenKind.Gte => "gte",
                _ => null,
            };
            if (name is null)
            {
                return left;
            }
            var op = Advance();
            left = new CallTerm(name, [left, ParseOr(noBar)], Loc(op));
        }
        return left;
    }

    private Term ParseOr(bool noBar)
    {
        var left = ParseAnd();
        while (!noBar && At(TokenKind.Bar) && !Tok.NewlineBefore)
        {
            var op = Advance();
            left = new CallTerm("or", [left, ParseAnd()], Loc(op));
        }
        return left;
    }

    private Term ParseAnd()
    {
        var left = ParseArith();
        while (At(TokenKind.Amp) && !Tok.NewlineBefore)
        {
            var op = Advance();
            left = new CallTerm("and", [left, ParseArith()], Loc(op));
        }
        return left;
    }

    private Term ParseArith()
    {
        var left = ParseFactor();
        while ((At(TokenKind.Plus) || At(TokenKind.Minus)) && !Tok.NewlineBefore)
        {
            var op = Advance();
            left = new CallTerm(op.Kind == TokenKind.Plus ? "plus" : "minus", [left, ParseFactor()], Loc(op));
        }
        return left;
    }

    private Term ParseFactor()
    {
        var left = ParseUnary();
        while ((At(TokenKind.Star) || At(TokenKind.Slash) || At(TokenKind.Percent)) && !Tok.NewlineBefore)
        {
            var op = Advance();
            var name = op.Kind switch
            {
                TokenKind.Star => "mul",
                TokenKind.Slash => "div",
                _ => "rem",
            };
            left = new CallTerm(name, [left, ParseUnary()], Loc(op));
        }
        return left;
    }

    private Term ParseUnary()
    {
        if (At(TokenKind.Minus) && PeekAt(1).Kind == TokenKind.Number && PeekAt(1).Offset == Tok.Offset + 1)
        {
            var minus = Advance();
            var num = Advance();
            var n = RegoNumber.Parse("-" + num.Text) ?? throw Fail(num, "invalid number");
            return ParsePostfix(new ScalarTerm(n, Loc(minus)));
        }
        if (At(TokenKind.Minus))
        {
            var minus = Advance();
            var operand = ParseUnary();
            return new CallTerm("minus", [new ScalarTerm(RegoNumber.Zero, Loc(minus)), operand], Loc(minus));
        }
        return ParsePostfix(ParsePrimary());
    }

    private Term ParsePrimary()
    {
        var t = Tok;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new ScalarTerm(RegoNumber.Parse(t.Text) ?? throw Fail(t, "invalid number"), Loc(t));
            case TokenKind.String or TokenKind.RawString:
                Advance();
                return new ScalarTerm(Str((string)t.Value!), Loc(t));
            case TokenKind.Template:
                Advance();
                return ParseTemplate(t);
            case TokenKind.LParen:
                {
                    Advance();
                    var inner = ParseExprTerm(noBar: false, noIn: false);
                    if (Accept(TokenKind.Comma))
                    {
                        // (k, v in coll): membership with key and value.
                        var value = ParseExprTerm(noBar: false, noIn: true);
                        ExpectKeyword("in");
                        var coll = ParseExprTerm(noBar: false, noIn: false);
                        inner = new CallTerm("internal.member_3", [inner, value, coll], Loc(t));
                    }
                    Expect(TokenKind.RParen, ")");
                    return inner;
                }
            case TokenKind.LBrack:
                return ParseArray();
            case TokenKind.LBrace:
                return ParseBraceTerm();
            case TokenKind.Ident:
                Advance();
                var refFollows = !Tok.NewlineBefore && Tok.Kind is TokenKind.Dot or TokenKind.LBrack;
                switch (refFollows ? string.Empty : t.Text)
                {
                    case "true":
                        return new ScalarTerm(RegoBoolean.True, Loc(t));
                    case "false":
                        return new ScalarTerm(RegoBoolean.False, Loc(t));
                    case "null":
                        return new ScalarTerm(RegoNull.Instance, Loc(t));
                    case "set" when At(TokenKind.LParen) && PeekAt(1).Kind == TokenKind.RParen:
                        Advance();
                        Advance();
                        return new SetTerm([], Loc(t));
                }
                return new VarTerm(t.Text, Loc(t));
            default:
                throw Fail("expected term");
        }
    }

    /// <summary>Applies <c>.name</c>, <c>[term]</c> and <c>(args)</c> operands on the same line.</summary>
    private Term ParsePostfix(Term term)
    {
        while (!Tok.NewlineBefore)
        {
            if (At(TokenKind.Dot))
            {
                Advance();
                var name = Expect(TokenKind.Ident, "name after '.'");
                term = Extend(term, new ScalarTerm(Str(name.Text), Loc(name)));
            }
            else if (At(TokenKind.LBrack))
            {
                Advance();
                var key = ParseExprTerm(noBar: false, noIn: false);
                Expect(TokenKind.RBrack, "]");
                term = Extend(term, key);
            }
            else if (At(TokenKind.LParen) && CallName(term) is { } name)
            {
                Advance();
                var args = ParseTermList(TokenKind.RParen);
                Expect(TokenKind.RParen, ")");
                term = new CallTerm(name, [.. args], term.Location);
            }
            else
            {
                return term;
            }
        }
        return term;
    }

    private static Term Extend(Term term, Term operand) => term switch
    {
        RefTerm r => new RefTerm(r.Head, [.. r.Path, operand], r.Location),
        _ => new RefTerm(term, [operand], term.Location),
    };

    /// <summary>The dotted function name a term spells, or null when it cannot be called.</summary>
    private static string? CallName(Term term)
    {
        switch (term)
        {
            case VarTerm v:
                return v.Name;
            case RefTerm { Head: VarTerm head } r when r.Path.All(p => p is ScalarTerm { Value: RegoString }):
                return head.Name + string.Concat(r.Path.Select(p => "." + ((RegoString)((ScalarTerm)p).Value).Value));
            default:
                return null;
        }
    }

    private List<Term> ParseTermList(TokenKind close)
    {
        var items = new List<Term>();
        while (!At(close))
        {
            items.Add(ParseExprTerm(noBar: false, noIn: false));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }
        return items;
    }

    private Term ParseArray()
    {
        var open = Advance();
        if (Accept(TokenKind.RBrack))
        {
            return new ArrayTerm([], Loc(open));
        }
        var first = ParseExprTerm(noBar: true, noIn: false);
        if (Accept(TokenKind.Bar))
        {
            var body = ParseComprehensionBody(TokenKind.RBrack, open);
            return new ComprehensionTerm(ComprehensionKind.Array, null, first, body, Loc(open));
        }
        var items = new List<Term> { first };
        while (Accept(TokenKind.Comma) && !At(TokenKind.RBrack))
        {
            items.Add(ParseExprTerm(noBar: true, noIn: false));
        }
        Expect(TokenKind.RBrack, "]");
        return new ArrayTerm([.. items], Loc(open));
    }

    private Term ParseBraceTerm()
    {
        var open = Advance();
        if (Accept(TokenKind.RBrace))
        {
            return new ObjectTerm([], Loc(open));
        }
        var first = ParseExprTerm(noBar: true, noIn: false);
        if (Accept(TokenKind.Colon))
        {
            var value = ParseExprTerm(noBar: true, noIn: false);
            if (Accept(TokenKind.Bar))
            {
                var body = ParseComprehensionBody(TokenKind.RBrace, open);
                return new ComprehensionTerm(ComprehensionKind.Object, first, value, body, Loc(open));
            }
            var entries = new List<KeyValuePair<Term, Term>> { new(first, value) };
            while (Accept(TokenKind.Comma) && !At(TokenKind.RBrace))
            {
                var k = ParseExprTerm(noBar: true, noIn: false);
                Expect(TokenKind.Colon, ":");
                entries.Add(new(k, ParseExprTerm(noBar: true, noIn: false)));
            }
            Expect(TokenKind.RBrace, "}");
            return new ObjectTerm([.. entries], Loc(open));
        }
        if (Accept(TokenKind.Bar))
        {
            var body = ParseComprehensionBody(TokenKind.RBrace, open);
            return new ComprehensionTerm(ComprehensionKind.Set, null, first, body, Loc(open));
        }
        var items = new List<Term> { first };
        while (Accept(TokenKind.Comma) && !At(TokenKind.RBrace))
        {
            items.Add(ParseExprTerm(noBar: true, noIn: false));
        }
        Expect(TokenKind.RBrace, "}");
        return new SetTerm([.. items], Loc(open));
    }

    private Body ParseComprehensionBody(TokenKind close, Token open)
    {
        var exprs = ParseExprList(close);
        Expect(close, close == TokenKind.RBrack ? "]" : "}");
        if (exprs.Count == 0)
        {
            throw Fail(open, "found empty body");
        }
        return new Body(exprs, Loc(open));
    }

    private TemplateTerm ParseTemplate(Token t)
    {
        var parts = new List<object>();
        foreach (var part in (List<TemplatePart>)t.Value!)
        {
            if (part.Literal is not null)
            {
                parts.Add(part.Literal);
                continue;
            }
            var tokens = new Lexer(_source, _file, _diagnostics, part.Offset, part.Line, part.Column)
                .Tokenize(part.Offset + part.ExpressionSource!.Length);
            var sub = new Parser(_source, _file, _version, _diagnostics, tokens, _strings);
            if (tokens.Count == 1)
            {
                throw Fail(t, "empty template expression");
            }
            parts.Add(sub.ParseTemplateExpr());
        }
        return new TemplateTerm([.. parts], Loc(t));
    }
}
