using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_UnitId_ClosedOn",
                table: "ReconsiderationCases");

            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_UnitId_ReceivedOn",
                table: "ReconsiderationCases");

            migrationBuilder.DropIndex(
                name: "IX_LitigationHearings_UnitId_HeldOn",
                table: "LitigationHearings");

            migrationBuilder.DropIndex(
                name: "IX_LitigationCases_UnitId_ConcludedOn",
                table: "LitigationCases");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_ClosedOn_Outcome_EndedBeforeAcc~",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "ClosedOn", "Outcome", "EndedBeforeAcceptanceAs", "AcceptedOn", "Procedure", "ExtensionDays" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_ReceivedOn_Matter_Channel_Ended~",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "ReceivedOn", "Matter", "Channel", "EndedBeforeAcceptanceAs", "EnterpriseRelated" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationHearings_UnitId_HeldOn_Instance_HeadAppeared",
                table: "LitigationHearings",
                columns: new[] { "UnitId", "HeldOn", "Instance", "HeadAppeared" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_UnitId_ConcludedOn_Instance_Outcome_FiledOn",
                table: "LitigationCases",
                columns: new[] { "UnitId", "ConcludedOn", "Instance", "Outcome", "FiledOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_UnitId_ClosedOn_Outcome_EndedBeforeAcc~",
                table: "ReconsiderationCases");

            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_UnitId_ReceivedOn_Matter_Channel_Ended~",
                table: "ReconsiderationCases");

            migrationBuilder.DropIndex(
                name: "IX_LitigationHearings_UnitId_HeldOn_Instance_HeadAppeared",
                table: "LitigationHearings");

            migrationBuilder.DropIndex(
                name: "IX_LitigationCases_UnitId_ConcludedOn_Instance_Outcome_FiledOn",
                table: "LitigationCases");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_ClosedOn",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_ReceivedOn",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationHearings_UnitId_HeldOn",
                table: "LitigationHearings",
                columns: new[] { "UnitId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_UnitId_ConcludedOn",
                table: "LitigationCases",
                columns: new[] { "UnitId", "ConcludedOn" });
        }
    }
}
