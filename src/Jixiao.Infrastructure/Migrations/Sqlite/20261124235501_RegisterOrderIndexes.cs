using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegisterOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReconsiderationCases_ReceivedOn_Id",
                table: "ReconsiderationCases",
                columns: new[] { "ReceivedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LitigationCases_FiledOn_Id",
                table: "LitigationCases",
                columns: new[] { "FiledOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReconsiderationCases_ReceivedOn_Id",
                table: "ReconsiderationCases");

            migrationBuilder.DropIndex(
                name: "IX_LitigationCases_FiledOn_Id",
                table: "LitigationCases");
        }
    }
}
