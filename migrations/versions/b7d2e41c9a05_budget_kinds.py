"""Issue 18 item 16: budget disclosures by kind, as Law 10/2022 Art. 11 and Circular
343/2016/TT-BTC list them (draft estimate, approved estimate, execution for a quarter, 6 months or
a year, final accounts, audit results), with the fiscal year and, for a quarter, its number.

The former ``budget_period`` values map onto kinds: quarter, half_year and year onto the
execution reports, final onto the final accounts. The fiscal year of an existing document is
taken as the year of its issue date (final accounts: the year before), which the editor can correct.

Revision ID: b7d2e41c9a05
Revises: 673771c5b3e7
Create Date: 2026-12-03 11:20:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b7d2e41c9a05'
down_revision = '673771c5b3e7'
branch_labels = None
depends_on = None

KIND_OF_PERIOD = {"quarter": "execution_quarter", "half_year": "execution_half_year", "year": "execution_year",
                  "final": "final_accounts"}

disclosure = sa.table(
    "disclosure",
    sa.column("id", sa.Integer), sa.column("issued_on", sa.Date), sa.column("budget_period", sa.String),
    sa.column("budget_kind", sa.String), sa.column("budget_year", sa.Integer), sa.column("budget_quarter", sa.Integer),
)


def upgrade():
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('budget_kind', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('budget_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('budget_quarter', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_disclosure_budget_kind'), ['budget_kind'], unique=False)
    conn = op.get_bind()
    rows = conn.execute(sa.select(disclosure.c.id, disclosure.c.issued_on, disclosure.c.budget_period)
                        .where(disclosure.c.budget_period.is_not(None))).all()
    for id_, issued_on, period in rows:
        kind = KIND_OF_PERIOD.get(period)
        if kind is None:
            continue
        year = None
        if issued_on is not None:
            year = issued_on.year - (1 if kind == "final_accounts" else 0)
        conn.execute(disclosure.update().where(disclosure.c.id == id_)
                     .values(budget_kind=kind, budget_year=year))
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.drop_column('budget_period')


def downgrade():
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('budget_period', sa.String(length=16), nullable=True))
    conn = op.get_bind()
    period_of_kind = {v: k for k, v in KIND_OF_PERIOD.items()}
    for id_, kind in conn.execute(sa.select(disclosure.c.id, disclosure.c.budget_kind)
                                  .where(disclosure.c.budget_kind.is_not(None))).all():
        conn.execute(disclosure.update().where(disclosure.c.id == id_)
                     .values(budget_period=period_of_kind.get(kind, "year")))
    with op.batch_alter_table('disclosure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disclosure_budget_kind'))
        batch_op.drop_column('budget_quarter')
        batch_op.drop_column('budget_year')
        batch_op.drop_column('budget_kind')
