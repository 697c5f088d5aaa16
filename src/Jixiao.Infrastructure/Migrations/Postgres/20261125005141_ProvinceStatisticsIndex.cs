using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvinceStatisticsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_ReceivedOn_Id",
                table: "ReconsiderationCases");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_ReceivedOn_Id_UnitId_Matter_Channel_En~",
                table: "ReconsiderationCases",
                columns: new[] { "ReceivedOn", "Id", "UnitId", "Matter", "Channel", "EndedBeforeAcceptanceAs", "EnterpriseRelated" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_ReceivedOn_Id_UnitId_Matter_Channel_En~",
                table: "ReconsiderationCases");

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_ReceivedOn_Id",
                table: "ReconsiderationCases",
                columns: new[] { "ReceivedOn", "Id" });
        }
    }
}
