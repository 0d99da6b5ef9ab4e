"""A document a unit files once to fulfil an obligation: submissions/<kind>/<unit>.yaml.

Its work plan (工作方案) or its evaluation summary (评估总结): what the plan's obligations
(plan/obligations.yaml) declare as `fulfilled_by: {document: <kind>}`.
"""

from __future__ import annotations

from pydantic import Field

from zzgzn.models.fields import Date, OptionalText, Slug, Strict, Text, UnitId, Version
from zzgzn.models.submission import Person


class Filing(Strict):
    unit: UnitId = Field(description="单位代码，与文件名一致")
    kind: Slug = Field(description="材料类别，与所在文件夹一致，如 work-plan")
    plan_version: Version = Field(description="所依据的方案版本，如 1.0.0")
    submitted_on: Date = Field(description="报送日期，年-月-日")
    title: Text = Field(description="材料标题")
    summary: Text = Field(description="主要内容")
    attachment: OptionalText = Field(
        "", description="正式文件（Word、PDF）在仓库中的路径，相对仓库根目录（可选）"
    )
    filled_by: Person | None = Field(None, description="填报人")
    approved_by: Person | None = Field(
        None, description="审核人（一般为单位负责人）；没有审核人的材料不是正式报送"
    )

    @property
    def final(self) -> bool:
        return self.approved_by is not None
