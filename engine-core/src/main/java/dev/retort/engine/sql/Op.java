package dev.retort.engine.sql;

import org.jspecify.annotations.Nullable;

/** SQL operators with SQLAlchemy's precedence (higher binds tighter) and negations. */
enum Op {
    EQ(" = ", 5), NE(" != ", 5), LT(" < ", 5), LE(" <= ", 5), GT(" > ", 5), GE(" >= ", 5),
    IS(" IS ", 5), IS_NOT(" IS NOT ", 5),
    LIKE(" LIKE ", 5), NOT_LIKE(" NOT LIKE ", 5), ILIKE(" ILIKE ", 5), NOT_ILIKE(" NOT ILIKE ", 5),
    IN(" IN ", 5), NOT_IN(" NOT IN ", 5), BETWEEN(" BETWEEN ", 5), NOT_BETWEEN(" NOT BETWEEN ", 5),
    CONCAT(" || ", 5), ADD(" + ", 7), SUB(" - ", 7),
    AND(" AND ", 3), OR(" OR ", 2),
    NOT("NOT ", 5), EXISTS("EXISTS ", 0), ASC(" ASC", 3), DESC(" DESC", 3);

    final String sql;
    final int precedence;

    Op(String sql, int precedence) {
        this.sql = sql;
        this.precedence = precedence;
    }

    /** The operator {@code NOT (a op b)} turns into, or {@code null}. */
    @Nullable Op negation() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case GE -> LT;
            case GT -> LE;
            case LE -> GT;
            case IS -> IS_NOT;
            case IS_NOT -> IS;
            case LIKE -> NOT_LIKE;
            case NOT_LIKE -> LIKE;
            case ILIKE -> NOT_ILIKE;
            case NOT_ILIKE -> ILIKE;
            case IN -> NOT_IN;
            case NOT_IN -> IN;
            case BETWEEN -> NOT_BETWEEN;
            case NOT_BETWEEN -> BETWEEN;
            default -> null;
        };
    }

    /** Whether an expression of this operator needs parentheses inside one of {@code against} (SQLAlchemy's rule). */
    boolean groupsAgainst(@Nullable Op against) {
        if (against == null) {
            return true;
        }
        if (this == against && (this == ADD || this == AND || this == OR || this == CONCAT)) {
            return false;
        }
        return precedence <= against.precedence;
    }
}
