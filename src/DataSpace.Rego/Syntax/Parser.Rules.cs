using DataSpace.Rego.Ast;

namespace DataSpace.Rego.Syntax;

/// <summary>Rules: heads (plain, ref heads, functions, <c>contains</c>, <c>default</c>), bodies and <c>else</c> chains.</summary>
internal sealed partial class Parser
{
    private IEnumerable<Rule> ParseRule()
    {
        var start = Tok;
        var isDefault = false;
        if (AtKeyword("default") && PeekAt(1).Kind is not (TokenKind.Dot or TokenKind.LBrack))
        {
            Advance();
            isDefault = true;
        }
        if (!At(TokenKind.Ident))
        {
            throw Fail("expected rule head");
        }
        var head = ParseRuleHeadRef();
        if (At(TokenKind.LParen) && !Tok.NewlineBefore)
        {
            Advance();
            head.Args = [.. ParseTermList(TokenKind.RParen)];
            Expect(TokenKind.RParen, ")");
            head.Kind = RuleKind.Function;
        }
        if (isDefault)
        {
            if (!At(TokenKind.Assign) && !At(TokenKind.Unify))
            {
                throw Fail("default rules must have a value");
            }
            head.IsAssign = Advance().Kind == TokenKind.Assign;
            head.Value = ParseExprTerm(noBar: false, noIn: false);
            return [new Rule(head, new Body([], Loc(start)), Loc(start)) { IsDefault = true }];
        }
        var hasValue = false;
        if (AtKeyword("contains") && head.Kind != RuleKind.Function)
        {
            Advance();
            head.Member = ParseExprTerm(noBar: false, noIn: false);
            head.Kind = RuleKind.PartialSet;
        }
        else if (At(TokenKind.Assign) || At(TokenKind.Unify))
        {
            head.IsAssign = Advance().Kind == TokenKind.Assign;
            head.Value = ParseExprTerm(noBar: false, noIn: false);
            hasValue = true;
        }
        ClassifyHead(head, hasValue);
        var body = ParseRuleBody(start, allowEmpty: true, out var hadBody);
        var rule = new Rule(head, body, Loc(start));
        if (!hadBody && !hasValue && head.Kind is RuleKind.Complete && _version == RegoVersion.V1 && head.DynamicPath.Length == 0 && head.Name.Length == 1)
        {
            throw Fail(start, $"rule must have a value or body: {head.Name[0]}");
        }
        var rules = new List<Rule> { rule };
        var last = rule;
        while (AtKeyword("else") && !KeywordUsedAsName())
        {
            var elseTok = Advance();
            var elseHead = new RuleHead(head.Name, head.DynamicPath, Loc(elseTok)) { Kind = head.Kind, Args = head.Args };
            if (At(TokenKind.Assign) || At(TokenKind.Unify))
            {
                elseHead.IsAssign = Advance().Kind == TokenKind.Assign;
                elseHead.Value = ParseExprTerm(noBar: false, noIn: false);
            }
            var elseBody = ParseRuleBody(elseTok, allowEmpty: true, out _);
            var elseRule = new Rule(elseHead, elseBody, Loc(elseTok));
            last.Else = elseRule;
            last = elseRule;
        }
        // Rego v0 allows several bodies for one head: p { a } { b } defines two rules.
        while (_version == RegoVersion.V0 && At(TokenKind.LBrace) && !Tok.NewlineBefore)
        {
            rules.Add(new Rule(head, ParseBraceBody(), Loc(Tok)));
        }
        return rules;
    }

    /// <summary>Sets the rule kind from the shape of the head and the dialect.</summary>
    private void ClassifyHead(RuleHead head, bool hasValue)
    {
        if (head.Kind is RuleKind.Function or RuleKind.PartialSet)
        {
            return;
        }
        if (head.DynamicPath.Length == 0)
        {
            head.Kind = RuleKind.Complete;
            return;
        }
        if (!hasValue && _version == RegoVersion.V0 && head.DynamicPath.Length == 1)
        {
            // v0: p[x] { … } is a partial set rule; in v1 it defines p[x] = true (an object).
            head.Member = head.DynamicPath[0];
            head.DynamicPath = [];
            head.Kind = RuleKind.PartialSet;
            return;
        }
        head.Kind = RuleKind.PartialObject;
    }

    /// <summary>Parses the rule name and its ref-head operands, splitting the static prefix from the dynamic part.</summary>
    private RuleHead ParseRuleHeadRef()
    {
        var first = Advance();
        var names = new List<string> { first.Text };
        var dynamic = new List<Term>();
        while (!Tok.NewlineBefore && (At(TokenKind.Dot) || At(TokenKind.LBrack)))
        {
            Term operand;
            if (Accept(TokenKind.Dot))
            {
                var name = Expect(TokenKind.Ident, "name after '.'");
                operand = new ScalarTerm(Str(name.Text), Loc(name));
            }
            else
            {
                Advance();
                operand = ParseExprTerm(noBar: false, noIn: false);
                Expect(TokenKind.RBrack, "]");
            }
            if (dynamic.Count == 0 && operand is ScalarTerm { Value: RegoString s })
            {
                names.Add(s.Value);
            }
            else
            {
                dynamic.Add(operand);
            }
        }
        return new RuleHead([.. names], [.. dynamic], Loc(first));
    }

    /// <summary>Parses <c>if { … }</c>, <c>if expr</c>, or (v0) <c>{ … }</c>; an absent body is empty.</summary>
    private Body ParseRuleBody(Token start, bool allowEmpty, out bool hadBody)
    {
        hadBody = true;
        if (AtKeyword("if") && !KeywordUsedAsName())
        {
            Advance();
            if (At(TokenKind.LBrace))
            {
                return ParseBraceBodyOrTerm();
            }
            var lit = ParseLiteral();
            return new Body([lit], lit.Location);
        }
        if (At(TokenKind.LBrace) && !Tok.NewlineBefore)
        {
            if (_version == RegoVersion.V1)
            {
                throw Fail("`if` keyword is required before rule body");
            }
            return ParseBraceBody();
        }
        hadBody = false;
        if (!allowEmpty)
        {
            throw Fail("expected rule body");
        }
        return new Body([], Loc(start));
    }

    /// <summary>True when a keyword is followed by <c>.</c> or <c>[</c>, so it names a rule or a ref head (<c>else.x := 1</c>).</summary>
    private bool KeywordUsedAsName() => PeekAt(1).Kind is TokenKind.Dot or TokenKind.LBrack && !PeekAt(1).NewlineBefore;

    /// <summary>
    /// <c>if {x: i | …}</c> is a body of one expression, an object comprehension: as OPA does, a
    /// braced body is tried first and a single literal second. The body's error wins if both fail.
    /// </summary>
    private Body ParseBraceBodyOrTerm()
    {
        var mark = _index;
        var diagnostics = _diagnostics.Count;
        try
        {
            return ParseBraceBody();
        }
        catch (ParseAbort)
        {
            var bodyErrors = _diagnostics[diagnostics..];
            var afterBody = _index;
            _index = mark;
            _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
            try
            {
                var lit = ParseLiteral();
                return new Body([lit], lit.Location);
            }
            catch (ParseAbort)
            {
                _index = afterBody;
                _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
                _diagnostics.AddRange(bodyErrors);
                throw;
            }
        }
    }

    private Body ParseBraceBody()
    {
        var open = Expect(TokenKind.LBrace, "{");
        var exprs = ParseExprList(TokenKind.RBrace);
        Expect(TokenKind.RBrace, "}");
        if (exprs.Count == 0)
        {
            throw Fail(open, "found empty body");
        }
        return new Body(exprs, Loc(open));
    }
}
