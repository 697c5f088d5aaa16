using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseHandler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HandlerName",
                table: "ReconsiderationCases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlerUserName",
                table: "ReconsiderationCases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_UnitId_HandlerName",
                table: "ReconsiderationCases",
                columns: new[] { "UnitId", "HandlerName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_UnitId_HandlerName",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "HandlerName",
                table: "ReconsiderationCases");

            migrationBuilder.DropColumn(
                name: "HandlerUserName",
                table: "ReconsiderationCases");
        }
    }
}
