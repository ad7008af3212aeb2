using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Syntax;

/// <summary>Body literals: <c>some</c>, <c>every</c>, <c>not</c>, unification, assignment and <c>with</c>.</summary>
internal sealed partial class Parser
{
    /// <summary>Parses literals separated by <c>;</c> or newlines up to <paramref name="terminator"/>.</summary>
    private List<Expr> ParseExprList(TokenKind terminator)
    {
        var exprs = new List<Expr>();
        while (true)
        {
            while (Accept(TokenKind.Semicolon))
            {
            }
            if (At(terminator))
            {
                return exprs;
            }
            exprs.Add(ParseLiteral());
            if (!At(TokenKind.Semicolon) && !At(terminator) && !Tok.NewlineBefore)
            {
                throw Fail("expected end of expression");
            }
        }
    }

    private Expr ParseLiteral()
    {
        var start = Tok;
        Expr expr;
        if (AtKeyword("some") && !PeekAt(1).NewlineBefore && PeekAt(1).Kind is TokenKind.Ident or TokenKind.String or TokenKind.RawString or TokenKind.Number or TokenKind.LBrace or TokenKind.LBrack)
        {
            expr = ParseSome();
        }
        else if (AtKeyword("every") && PeekAt(1).Kind == TokenKind.Ident)
        {
            expr = ParseEvery();
        }
        else if (AtKeyword("not") && !PeekAt(1).NewlineBefore && PeekAt(1).Kind is not (TokenKind.Dot or TokenKind.LBrack or TokenKind.Unify or TokenKind.Assign))
        {
            Advance();
            expr = ParseLiteral();
            if (expr.Negated)
            {
                throw Fail(start, "double negation");
            }
            expr.Negated = true;
            return expr;
        }
        else
        {
            var left = ParseExprTerm(noBar: false, noIn: false);
            if (At(TokenKind.Comma) && !Tok.NewlineBefore && IsMemberTriple())
            {
                Advance();
                var value = ParseExprTerm(noBar: false, noIn: true);
                ExpectKeyword("in");
                var coll = ParseExprTerm(noBar: false, noIn: false);
                left = new CallTerm("internal.member_3", [left, value, coll], Loc(start));
            }
            if ((At(TokenKind.Unify) || At(TokenKind.Assign)) && !Tok.NewlineBefore)
            {
                var assign = Advance().Kind == TokenKind.Assign;
                var right = ParseExprTerm(noBar: false, noIn: false);
                expr = new UnifyExpr(left, right, assign, Loc(start));
            }
            else
            {
                expr = new TermExpr(left, Loc(start));
            }
        }
        var withs = new List<WithModifier>();
        while (AtKeyword("with") && !KeywordUsedAsName())
        {
            var w = Advance();
            var target = ParseExprTerm(noBar: false, noIn: false);
            ExpectKeyword("as");
            var value = ParseExprTerm(noBar: false, noIn: false);
            withs.Add(new WithModifier(target, value, Loc(w)));
        }
        expr.With = [.. withs];
        return expr;
    }

    /// <summary>True when the comma after a literal's first term starts <c>k, v in coll</c>.</summary>
    private bool IsMemberTriple()
    {
        var depth = 0;
        for (var i = _index + 1; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.NewlineBefore && depth == 0 && i > _index + 1)
            {
                return false;
            }
            switch (t.Kind)
            {
                case TokenKind.LBrace or TokenKind.LBrack or TokenKind.LParen:
                    depth++;
                    break;
                case TokenKind.RBrace or TokenKind.RBrack or TokenKind.RParen:
                    if (--depth < 0)
                    {
                        return false;
                    }
                    break;
                case TokenKind.Semicolon or TokenKind.Eof:
                    return false;
                case TokenKind.Ident when depth == 0 && t.Text == "in":
                    return true;
            }
        }
        return false;
    }

    private void ExpectKeyword(string word)
    {
        if (!AtKeyword(word))
        {
            throw Fail($"expected {word}");
        }
        Advance();
    }

    private Expr ParseSome()
    {
        var start = Advance();
        var first = ParseExprTerm(noBar: false, noIn: true);
        Term? second = null;
        var vars = new List<Term> { first };
        while (Accept(TokenKind.Comma))
        {
            vars.Add(ParseExprTerm(noBar: false, noIn: true));
        }
        if (AtKeyword("in"))
        {
            Advance();
            if (vars.Count > 2)
            {
                throw Fail(start, "unexpected , token: expected at most two terms before in");
            }
            if (vars.Count == 2)
            {
                second = vars[1];
            }
            var coll = ParseExprTerm(noBar: false, noIn: true);
            return second is null
                ? new SomeInExpr(null, first, coll, Loc(start))
                : new SomeInExpr(first, second, coll, Loc(start));
        }
        var decl = new List<VarTerm>();
        foreach (var v in vars)
        {
            if (v is not VarTerm vt)
            {
                throw Fail(start, "expected var in some declaration");
            }
            decl.Add(vt);
        }
        return new SomeExpr([.. decl], Loc(start));
    }

    private Expr ParseEvery()
    {
        var start = Advance();
        var first = ParseExprTerm(noBar: false, noIn: true);
        Term? key = null;
        var value = first;
        if (Accept(TokenKind.Comma))
        {
            key = first;
            value = ParseExprTerm(noBar: false, noIn: true);
        }
        ExpectKeyword("in");
        var domain = ParseExprTerm(noBar: false, noIn: true);
        var body = ParseBraceBody();
        return new EveryExpr(key, value, domain, body, Loc(start));
    }

    /// <summary>Parses one template-string expression; must consume all its tokens.</summary>
    private Expr ParseTemplateExpr()
    {
        var lit = ParseLiteral();
        if (!At(TokenKind.Eof))
        {
            throw Fail("expected end of template expression");
        }
        return lit;
    }
}
